package org.tokendesk.domain.token;

import org.tokendesk.domain.secret.Secret;

/**
 * The answer to "Enable legacy tokens": the card, and the new tokens (shown once when re-display
 * is off).
 *
 * @param card the new card
 * @param readWrite the read/write token
 * @param readOnly the read-only token
 */
public record EnabledTokens(LegacyTokenCard card, Secret readWrite, Secret readOnly) {
}
