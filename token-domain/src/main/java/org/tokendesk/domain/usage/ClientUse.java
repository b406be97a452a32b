package org.tokendesk.domain.usage;

import java.time.Instant;

/**
 * One client's uses of a token over a period, as read back.
 *
 * @param client the client
 * @param count how many checks
 * @param firstSeenAt the first
 * @param lastSeenAt the last
 */
public record ClientUse(SightedClient client, long count, Instant firstSeenAt, Instant lastSeenAt) {
}
