package org.tokendesk.domain.usage;

import java.time.Instant;

/**
 * Checks in one hour.
 *
 * @param hour the start of the hour
 * @param count how many
 */
public record HourCount(Instant hour, long count) {
}
