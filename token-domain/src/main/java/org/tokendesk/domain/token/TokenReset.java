package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;

/**
 * A reset that happened (no secret).
 *
 * @param accountSid the account
 * @param scope the reset scope
 * @param resetAt when the old token stopped passing checks
 * @param resetBy operator email
 * @param previousTokenHint the old token's hint
 * @param apiVersion the card's API version
 * @param oldTokenValidUntil until when the old token still passes checks, or null (not at all)
 */
public record TokenReset(AccountSid accountSid, TokenScope scope, Instant resetAt, String resetBy,
        String previousTokenHint, String apiVersion, Instant oldTokenValidUntil) {
}
