package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;

/**
 * Old-token sightings of one scope over the last 7 days.
 *
 * @param count how many checks presented a reset token
 * @param clients the most recent clients (at most 10), most recent first
 * @param lastSeenAt the last sighting
 */
public record StaleUseView(long count, List<ClientView> clients, Instant lastSeenAt) {

    /**
     * One client that still uses the old token. No secret: the URI is a path without its query.
     *
     * @param address client address
     * @param userAgent its {@code User-Agent}, or null
     * @param uri the path it called through the gateway, or null
     * @param count how many checks
     * @param lastSeenAt the last of them
     */
    public record ClientView(String address, String userAgent, String uri, long count, Instant lastSeenAt) {
    }
}
