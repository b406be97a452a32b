package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer to a reset.
 *
 * @param accountSid the account
 * @param scope the reset scope
 * @param authToken the new token
 * @param resetAt when the old one stopped passing checks
 * @param noticesQueued deliveries queued for integration owners
 * @param oldTokenValidUntil until when the old token still passes checks; absent without a grace period
 */
public record ResetView(String accountSid, String scope, String authToken, Instant resetAt, int noticesQueued,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant oldTokenValidUntil) {

    @Override
    public String toString() {
        return "ResetView[" + accountSid + ", " + scope + ", authToken=masked, resetAt=" + resetAt + "]";
    }
}
