package org.tokendesk.notifier.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A summary of old-token sightings: checks that still presented a token after it was reset. Sent
 * with notices of type {@link Notice#TOKEN_STALE_USE}. It carries counts and times only: no
 * token, no client address, no path.
 *
 * @param count how many checks presented the old token
 * @param clients how many distinct clients (address, user agent, path) did
 * @param firstSeenAt the first of those checks in the summarized period
 * @param lastSeenAt the last of them
 */
public record StaleUse(int count, int clients, Instant firstSeenAt, Instant lastSeenAt) {

    public StaleUse {
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        if (count < 1 || clients < 1 || clients > count) {
            throw new IllegalArgumentException("a stale use needs 1 <= clients <= count");
        }
    }
}
