package org.tokendesk.domain.usage;

import java.time.Instant;
import java.util.List;
import org.tokendesk.domain.token.TokenScope;

/**
 * Checks per hour of one token over a period, and the old-token sightings in it: the usage chart.
 *
 * @param scope the token
 * @param from the start of the first hour
 * @param hours how many hours from {@code from}
 * @param valid passing checks per hour (hours without checks are absent), oldest first
 * @param stale old-token sightings per hour, oldest first
 * @param lastResetAt the token's last reset, or null
 */
public record UsageHistory(TokenScope scope, Instant from, int hours, List<HourCount> valid, List<HourCount> stale,
        Instant lastResetAt) {

    public UsageHistory {
        valid = List.copyOf(valid);
        stale = List.copyOf(stale);
    }
}
