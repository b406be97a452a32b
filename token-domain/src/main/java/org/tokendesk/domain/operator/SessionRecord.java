package org.tokendesk.domain.operator;

import java.time.Instant;
import org.tokendesk.domain.secret.TokenHash;

/**
 * A stored cookie session; only hashes of the session id and CSRF token are kept.
 *
 * @param idHash keyed hash of the session id
 * @param operatorId who
 * @param csrfHash keyed hash of the CSRF token
 * @param createdAt start (for the absolute expiry)
 * @param lastSeenAt last use (for the idle expiry)
 */
public record SessionRecord(TokenHash idHash, String operatorId, TokenHash csrfHash, Instant createdAt,
        Instant lastSeenAt) {
}
