package org.tokendesk.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tokendesk.domain.account.AccountSid;

/**
 * A reset of one scope that an operator asked for at a future time (a maintenance window). At
 * most one is pending per scope; it is deleted when it runs or is cancelled (the audit log keeps
 * its history).
 *
 * @param accountSid the account
 * @param scope the scope to reset
 * @param at when it is due
 * @param oldTokenValidFor the grace period the old token gets when it runs (zero: none)
 * @param scheduledBy the operator who scheduled it (email)
 * @param scheduledAt when it was scheduled
 */
public record ScheduledReset(AccountSid accountSid, TokenScope scope, Instant at, Duration oldTokenValidFor,
        String scheduledBy, Instant scheduledAt) {

    public ScheduledReset {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(oldTokenValidFor, "oldTokenValidFor");
        Objects.requireNonNull(scheduledBy, "scheduledBy");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }

    /** Until when the old token will still pass checks if the reset runs on time; null without a grace period. */
    public Instant plannedOldTokenValidUntil() {
        return oldTokenValidFor.isZero() ? null : at.plus(oldTokenValidFor);
    }
}
