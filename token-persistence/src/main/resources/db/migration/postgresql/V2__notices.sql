CREATE TABLE integrations (
    id                       TEXT PRIMARY KEY,
    account_sid              TEXT NOT NULL REFERENCES accounts (sid),
    name                     TEXT NOT NULL,
    owner_name               TEXT NOT NULL,
    owner_email              TEXT NOT NULL,
    owner_locale             TEXT NOT NULL,
    webhook_url              TEXT,
    scopes                   TEXT NOT NULL,
    channels                 TEXT NOT NULL,
    webhook_disabled_reason  TEXT,
    webhook_disabled_at      BIGINT,
    secret_current           BYTEA NOT NULL,
    secret_previous          BYTEA,
    secret_previous_until    BIGINT,
    created_at               BIGINT NOT NULL,
    updated_at               BIGINT NOT NULL
);
CREATE INDEX integrations_by_account ON integrations (account_sid, created_at);

CREATE TABLE deliveries (
    id                  TEXT PRIMARY KEY,
    account_sid         TEXT NOT NULL REFERENCES accounts (sid),
    integration_id      TEXT NOT NULL,
    integration_name    TEXT NOT NULL,
    channel             TEXT NOT NULL,
    type                TEXT NOT NULL,
    scope               TEXT NOT NULL,
    reset_at            BIGINT NOT NULL,
    reset_by            TEXT NOT NULL,
    previous_hint       TEXT NOT NULL,
    api_version         TEXT NOT NULL,
    status              TEXT NOT NULL,
    attempts            BIGINT NOT NULL,
    retry_step          BIGINT NOT NULL,
    next_attempt_at     BIGINT NOT NULL,
    last_error          TEXT,
    created_at          BIGINT NOT NULL,
    delivered_at        BIGINT,
    lease_owner         TEXT,
    lease_until         BIGINT
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_by_account ON deliveries (account_sid, created_at);

CREATE TABLE delivery_attempts (
    delivery_id  TEXT NOT NULL REFERENCES deliveries (id),
    number       BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    duration_ms  BIGINT NOT NULL,
    result       TEXT NOT NULL,
    detail       TEXT,
    PRIMARY KEY (delivery_id, number)
);
