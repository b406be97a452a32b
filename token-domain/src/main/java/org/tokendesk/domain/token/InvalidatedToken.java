package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.TokenHash;

/**
 * A token that was reset: kept (as a hash) so a check can say "token_reset" and when.
 *
 * @param accountSid the account
 * @param scope which token
 * @param hash keyed hash of the old token
 * @param hint its hint
 * @param invalidatedAt when it stopped passing checks
 * @param invalidatedBy who reset it
 * @param validUntil the end of its grace period (it passes checks before this instant), or null
 */
public record InvalidatedToken(AccountSid accountSid, TokenScope scope, TokenHash hash, String hint,
        Instant invalidatedAt, String invalidatedBy, Instant validUntil) {
}
