package org.tokendesk.web.ui.model;

import java.time.Instant;
import java.util.List;

/**
 * One token on the card.
 *
 * @param scope the wire name ({@code read_write})
 * @param pathName the URL segment ({@code read-write})
 * @param hint {@code …} and the last four characters
 * @param createdAt when created
 * @param lastResetAt last reset, or null
 * @param lastUsedAt last passing check, or null
 * @param unconfirmed the integrations told of the last reset whose owners have not confirmed the update
 * @param oldTokenValidUntil until when the previous token still passes checks, or null
 * @param oldTokenTimeLeft how long that is from now, for people ("12 min"), or null
 * @param scheduledResetAt when a scheduled reset of this token runs, or null
 */
public record TokenRow(String scope, String pathName, String hint, Instant createdAt, Instant lastResetAt,
        Instant lastUsedAt, List<Unconfirmed> unconfirmed, Instant oldTokenValidUntil, String oldTokenTimeLeft,
        Instant scheduledResetAt) {

    public TokenRow {
        unconfirmed = List.copyOf(unconfirmed);
    }

    /**
     * An integration whose owner has not confirmed the last reset.
     *
     * @param name the integration
     * @param ownerEmail its owner
     */
    public record Unconfirmed(String name, String ownerEmail) {
    }
}
