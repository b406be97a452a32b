-- Uses of tokens per hour and per client: passing checks ('valid') and checks that presented a
-- reset token ('stale', old-token sightings). Absent headers are stored as '' so the key is unique.
-- Rows are purged 30 days after their hour.
CREATE TABLE token_uses (
    kind          TEXT NOT NULL,
    account_sid   TEXT NOT NULL,
    scope         TEXT NOT NULL,
    hour          INTEGER NOT NULL,
    address       TEXT NOT NULL,
    user_agent    TEXT NOT NULL,
    uri           TEXT NOT NULL,
    uses          INTEGER NOT NULL,
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    PRIMARY KEY (kind, account_sid, scope, hour, address, user_agent, uri)
);
CREATE INDEX token_uses_by_hour ON token_uses (hour);
CREATE INDEX token_uses_by_last_seen ON token_uses (kind, last_seen);

-- The last stale-use reminder per integration and scope: a conditional upsert on this row is what
-- makes "at most one reminder a day" hold across nodes.
CREATE TABLE stale_use_reminders (
    integration_id  TEXT NOT NULL,
    scope           TEXT NOT NULL,
    reminded_at     INTEGER NOT NULL,
    PRIMARY KEY (integration_id, scope)
);

-- A stale-use reminder reports the sightings that caused it; null on every other notice.
ALTER TABLE deliveries ADD COLUMN stale_count INTEGER;
ALTER TABLE deliveries ADD COLUMN stale_clients INTEGER;
ALTER TABLE deliveries ADD COLUMN stale_first_seen INTEGER;
ALTER TABLE deliveries ADD COLUMN stale_last_seen INTEGER;
