package org.tokendesk.web.ui.model;

import java.time.Instant;
import java.util.List;

/**
 * Who still uses a token, for the reset confirmation: last use, recent clients, old-token sightings.
 *
 * @param lastUsedAt last passing check, or null
 * @param recentClients clients of passing checks in the last 7 days, most recent first
 * @param staleCount checks with the previous (reset) token in the last 7 days
 * @param staleClientCount how many clients made them
 * @param staleLastSeenAt the last of them, or null
 * @param staleClients the most recent of those clients
 */
public record ResetUsage(Instant lastUsedAt, List<Client> recentClients, long staleCount, int staleClientCount,
        Instant staleLastSeenAt, List<Client> staleClients) {

    public ResetUsage {
        recentClients = List.copyOf(recentClients);
        staleClients = List.copyOf(staleClients);
    }

    /**
     * One client.
     *
     * @param address its address
     * @param userAgent its user agent, empty when it sent none
     * @param uri the path it called through the gateway, empty when unknown
     * @param count how many checks
     * @param lastSeenAt the last of them
     */
    public record Client(String address, String userAgent, String uri, long count, Instant lastSeenAt) {
    }
}
