package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;

/**
 * A reset token as a credential check sees it: when it was reset and whether it is still in its
 * grace period.
 *
 * @param accountSid the account
 * @param scope the scope it had
 * @param resetAt when it was reset
 * @param validUntil the end of its grace period, or null when it had none
 * @param apiVersion the card's API version
 */
public record FormerToken(AccountSid accountSid, TokenScope scope, Instant resetAt, Instant validUntil,
        String apiVersion) {

    /** Whether it still passes checks at {@code now}: the grace ends at {@code validUntil}, exclusive. */
    public boolean inGraceAt(Instant now) {
        return validUntil != null && now.isBefore(validUntil);
    }

    public ActiveCredential credential() {
        return new ActiveCredential(accountSid, scope, apiVersion);
    }
}
