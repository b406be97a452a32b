package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The legacy token card.
 *
 * @param accountSid the account
 * @param legacy whether the tokens are legacy
 * @param apiVersion the bound API version
 * @param availableApiVersions what it may be changed to
 * @param createdAt when enabled
 * @param readWrite the read/write token
 * @param readOnly the read-only token
 */
public record CardView(String accountSid, boolean legacy, String apiVersion, List<String> availableApiVersions,
        Instant createdAt, TokenView readWrite, TokenView readOnly) {

    /**
     * One token on the card.
     *
     * @param hint {@code …} and the last four characters
     * @param createdAt when created
     * @param lastResetAt last reset, or null
     * @param lastUsedAt last passing check, or null
     * @param authToken the token itself: only in the answer to "Enable legacy tokens" while
     *     re-display is off, because it is then shown this once
     * @param staleUse old-token sightings of the last 7 days, or null when none
     * @param unacknowledged the integrations that got notices for the last reset of this token and
     *     whose owners have not confirmed the update yet (empty when all did or there was no reset)
     * @param oldTokenValidUntil until when the previous token still passes checks, or null
     * @param scheduledResetAt when a scheduled reset of this token runs, or null
     */
    public record TokenView(String hint, Instant createdAt, Instant lastResetAt, Instant lastUsedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String authToken, StaleUseView staleUse,
            List<UnacknowledgedView> unacknowledged, Instant oldTokenValidUntil, Instant scheduledResetAt) {

        public TokenView {
            unacknowledged = List.copyOf(unacknowledged);
        }

        @Override
        public String toString() {
            return "TokenView[hint=" + hint + ", authToken=" + (authToken == null ? "none" : "masked") + "]";
        }
    }

    /**
     * An integration whose owner has not confirmed the last reset.
     *
     * @param integrationId the integration
     * @param name its name
     * @param ownerEmail its owner
     */
    public record UnacknowledgedView(String integrationId, String name, String ownerEmail) {
    }
}
