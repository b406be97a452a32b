package org.tokendesk.web.ui.model;

import java.time.Instant;

/**
 * One token on the card.
 *
 * @param scope the wire name ({@code read_write})
 * @param pathName the URL segment ({@code read-write})
 * @param hint {@code …} and the last four characters
 * @param createdAt when created
 * @param lastResetAt last reset, or null
 * @param lastUsedAt last passing check, or null
 */
public record TokenRow(String scope, String pathName, String hint, Instant createdAt, Instant lastResetAt,
        Instant lastUsedAt) {
}
