package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer to a scheduled reset (202): what will happen and when. No token: it is created when
 * the reset runs and shown under "credentials" afterwards.
 *
 * @param accountSid the account
 * @param scope the scope to reset
 * @param scheduledAt when the reset runs
 * @param oldTokenValidUntil until when the old token will still pass checks if the reset runs on
 *     time; absent without a grace period
 * @param noticesQueued notices queued now for integration owners
 */
public record ScheduledResetView(String accountSid, String scope, Instant scheduledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant oldTokenValidUntil, int noticesQueued) {
}
