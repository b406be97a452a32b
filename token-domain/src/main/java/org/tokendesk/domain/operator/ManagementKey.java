package org.tokendesk.domain.operator;

import java.time.Instant;
import org.tokendesk.domain.secret.TokenHash;

/**
 * A personal management key; the key itself is shown once and stored only as a keyed hash.
 *
 * @param id public id ({@code key_…})
 * @param operatorId owner
 * @param name what the owner called it
 * @param keyHash keyed hash of the key
 * @param hint last four characters
 * @param createdAt when created
 * @param lastUsedAt last successful use, or null
 */
public record ManagementKey(String id, String operatorId, String name, TokenHash keyHash, String hint,
        Instant createdAt, Instant lastUsedAt) {
}
