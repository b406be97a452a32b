-- A reset asked for at a future time: at most one pending per account and scope. The row is
-- deleted in the transaction that runs (or cancels) it; the audit log keeps the history.
CREATE TABLE scheduled_resets (
    account_sid          TEXT NOT NULL REFERENCES legacy_token_cards (account_sid),
    scope                TEXT NOT NULL,
    due_at               INTEGER NOT NULL,
    old_token_valid_for  INTEGER NOT NULL,
    scheduled_by         TEXT NOT NULL,
    scheduled_at         INTEGER NOT NULL,
    PRIMARY KEY (account_sid, scope)
);
CREATE INDEX scheduled_resets_due ON scheduled_resets (due_at);
