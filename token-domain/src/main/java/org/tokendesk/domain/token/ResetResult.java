package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.Secret;

/**
 * The answer to a reset: the new token, shown once.
 *
 * @param accountSid the account
 * @param scope the scope
 * @param authToken the new token
 * @param resetAt when the old one stopped passing checks
 * @param noticesQueued how many deliveries were queued
 * @param oldTokenValidUntil until when the old token still passes checks, or null (not at all)
 */
public record ResetResult(AccountSid accountSid, TokenScope scope, Secret authToken, Instant resetAt,
        int noticesQueued, Instant oldTokenValidUntil) {
}
