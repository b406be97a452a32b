package org.tokendesk.web.api;

import java.time.Instant;

/**
 * The answer to a reset.
 *
 * @param accountSid the account
 * @param scope the reset scope
 * @param authToken the new token
 * @param resetAt when the old one stopped passing checks
 * @param noticesQueued deliveries queued for integration owners
 */
public record ResetView(String accountSid, String scope, String authToken, Instant resetAt, int noticesQueued) {

    @Override
    public String toString() {
        return "ResetView[" + accountSid + ", " + scope + ", authToken=masked, resetAt=" + resetAt + "]";
    }
}
