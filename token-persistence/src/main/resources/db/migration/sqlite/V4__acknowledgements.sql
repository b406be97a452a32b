-- One per (reset, integration that got notices). No token is stored: the link is an HMAC of the id.
CREATE TABLE acknowledgements (
    id               TEXT PRIMARY KEY,
    account_sid      TEXT NOT NULL REFERENCES accounts (sid),
    integration_id   TEXT NOT NULL,
    scope            TEXT NOT NULL,
    reset_at         INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    acknowledged_at  INTEGER
);
CREATE INDEX acknowledgements_by_reset ON acknowledgements (account_sid, scope, reset_at);

ALTER TABLE deliveries ADD COLUMN ack_id TEXT REFERENCES acknowledgements (id);
