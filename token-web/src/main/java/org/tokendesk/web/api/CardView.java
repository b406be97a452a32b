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
     * @param oldTokenValidUntil until when the previous token still passes checks, or null
     */
    public record TokenView(String hint, Instant createdAt, Instant lastResetAt, Instant lastUsedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String authToken, Instant oldTokenValidUntil) {

        @Override
        public String toString() {
            return "TokenView[hint=" + hint + ", authToken=" + (authToken == null ? "none" : "masked") + "]";
        }
    }
}
