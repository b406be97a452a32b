package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;

/**
 * What a reset of one scope would do (API.md section 8).
 *
 * @param scope {@code read_write} or {@code read_only}
 * @param integrations who will be told, over which channels
 * @param lastUsedAt the last passing check, or null
 * @param recentClients clients of passing checks in the last 7 days, most recent first, at most 10
 * @param staleUse old-token sightings of the last 7 days, or null
 * @param unacknowledged integrations whose owners have not confirmed the last reset of this scope
 */
public record ResetPreviewView(String scope, List<IntegrationItem> integrations, Instant lastUsedAt,
        List<ClientItem> recentClients, StaleUseView staleUse, List<CardView.UnacknowledgedView> unacknowledged) {

    public ResetPreviewView {
        unacknowledged = List.copyOf(unacknowledged);
    }

    /**
     * An integration a reset would notify.
     *
     * @param id the integration
     * @param name its name
     * @param ownerEmail its owner
     * @param channels the channels that will really notify
     */
    public record IntegrationItem(String id, String name, String ownerEmail, List<String> channels) {
    }

    /**
     * A client of the current token.
     *
     * @param address client address
     * @param userAgent its {@code User-Agent}, or null
     * @param lastSeenAt its last passing check
     * @param count how many passing checks
     */
    public record ClientItem(String address, String userAgent, Instant lastSeenAt, long count) {
    }
}
