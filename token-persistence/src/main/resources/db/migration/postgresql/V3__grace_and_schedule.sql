-- Grace period: a reset token may keep passing checks until valid_until (exclusive); NULL = never.
ALTER TABLE token_history ADD COLUMN valid_until BIGINT;
-- notices say until when the old token works
ALTER TABLE deliveries ADD COLUMN old_token_valid_until BIGINT;
