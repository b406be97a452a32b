-- Times are epoch milliseconds (INTEGER) in both dialects: exact, sortable, no time zone surprises.

CREATE TABLE server_keys (
    name       TEXT PRIMARY KEY,
    ciphertext BLOB NOT NULL
);

CREATE TABLE operators (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    platform_admin  INTEGER NOT NULL,
    locale          TEXT,
    created_at      INTEGER NOT NULL
);

CREATE TABLE accounts (
    sid        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
    account_sid TEXT NOT NULL REFERENCES accounts (sid),
    operator_id TEXT NOT NULL REFERENCES operators (id),
    role        TEXT NOT NULL,
    PRIMARY KEY (account_sid, operator_id)
);
CREATE INDEX memberships_by_operator ON memberships (operator_id);

CREATE TABLE legacy_token_cards (
    account_sid TEXT PRIMARY KEY REFERENCES accounts (sid),
    api_version TEXT NOT NULL,
    legacy      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE auth_tokens (
    account_sid   TEXT NOT NULL REFERENCES legacy_token_cards (account_sid),
    scope         TEXT NOT NULL,
    token_hash    BLOB NOT NULL UNIQUE,
    ciphertext    BLOB,
    hint          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_reset_at INTEGER,
    last_used_at  INTEGER,
    PRIMARY KEY (account_sid, scope)
);

CREATE TABLE token_history (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    account_sid    TEXT NOT NULL REFERENCES accounts (sid),
    scope          TEXT NOT NULL,
    token_hash     BLOB NOT NULL,
    hint           TEXT NOT NULL,
    invalidated_at INTEGER NOT NULL,
    invalidated_by TEXT NOT NULL
);
CREATE INDEX token_history_by_hash ON token_history (token_hash);
CREATE INDEX token_history_by_account ON token_history (account_sid, scope, invalidated_at);

CREATE TABLE sessions (
    id_hash      BLOB PRIMARY KEY,
    operator_id  TEXT NOT NULL REFERENCES operators (id),
    csrf_hash    BLOB NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_operator ON sessions (operator_id);

CREATE TABLE management_keys (
    id           TEXT PRIMARY KEY,
    operator_id  TEXT NOT NULL REFERENCES operators (id),
    name         TEXT NOT NULL,
    key_hash     BLOB NOT NULL UNIQUE,
    hint         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX management_keys_by_operator ON management_keys (operator_id);

CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    account_sid TEXT,
    ip          TEXT NOT NULL,
    details     TEXT NOT NULL
);
CREATE INDEX audit_events_by_account ON audit_events (account_sid, id);
