package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.List;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.StaleUse;

/**
 * What a reset of one scope would do: whom it tells over what, and who still uses the token.
 *
 * @param scope the scope
 * @param integrations the integrations that depend on it and the channels that will notify them
 * @param lastUsedAt the last passing check of the current token, or null
 * @param recentClients clients of passing checks in the last 7 days (since the last reset), most
 *     recent first, at most 10
 * @param staleUse old-token sightings of the last 7 days, or null when none
 */
public record ResetPreview(TokenScope scope, List<Notified> integrations, Instant lastUsedAt,
        List<ClientUse> recentClients, StaleUse staleUse) {

    public ResetPreview {
        integrations = List.copyOf(integrations);
        recentClients = List.copyOf(recentClients);
    }

    /**
     * An integration a reset would tell. A record so that later facts (acknowledgement) can join it.
     *
     * @param id the integration
     * @param name its name
     * @param ownerEmail its owner
     * @param channels the channels that will really notify (the planner's rule)
     */
    public record Notified(String id, String name, String ownerEmail, List<String> channels) {

        public Notified {
            channels = List.copyOf(channels);
        }
    }
}
