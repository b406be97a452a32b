package org.tokendesk.domain.usage;

import java.time.Instant;
import org.tokendesk.domain.token.TokenKey;

/**
 * Coalesced uses of one token by one client: what a recorder flushes.
 *
 * @param kind valid use or old-token sighting
 * @param token the account and scope
 * @param client the sanitized client
 * @param count how many checks
 * @param firstSeenAt the first of them
 * @param lastSeenAt the last of them
 */
public record Sighting(UseKind kind, TokenKey token, SightedClient client, long count, Instant firstSeenAt,
        Instant lastSeenAt) {
}
