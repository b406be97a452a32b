package org.tokendesk.domain.integration;

import java.time.Instant;

/**
 * The encrypted signing secrets of an integration: the current one and, for 24 hours after a
 * rotation, the previous one (receivers get both signatures meanwhile).
 *
 * @param current ciphertext of the current secret
 * @param previous ciphertext of the previous secret, or null
 * @param previousExpiresAt when the previous secret stops signing, or null
 */
public record WebhookSecrets(byte[] current, byte[] previous, Instant previousExpiresAt) {

    @Override
    public String toString() {
        return "WebhookSecrets[encrypted, previous=" + (previous != null) + "]";
    }
}
