package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;

/**
 * A reset that was scheduled (no secret: the new token is created when it runs).
 *
 * @param accountSid the account
 * @param scope the scope to reset
 * @param scheduledAt when the reset is due
 * @param oldTokenValidUntil until when the old token will still pass checks if it runs on time, or null
 * @param noticesQueued notices queued now for integration owners
 */
public record ScheduledResetResult(AccountSid accountSid, TokenScope scope, Instant scheduledAt,
        Instant oldTokenValidUntil, int noticesQueued) {
}
