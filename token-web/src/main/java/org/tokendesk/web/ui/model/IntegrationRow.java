package org.tokendesk.web.ui.model;

import java.util.List;

/**
 * One integration in the list.
 *
 * @param id its id
 * @param name its name
 * @param ownerName who runs it
 * @param ownerEmail where email notices go
 * @param ownerLocale language of notices
 * @param webhookUrl the webhook, or null
 * @param scopes wire names of the scopes it depends on
 * @param channels how its owner is told
 * @param webhookDisabledReason why the webhook is off, or null
 */
public record IntegrationRow(String id, String name, String ownerName, String ownerEmail, String ownerLocale,
        String webhookUrl, List<String> scopes, List<String> channels, String webhookDisabledReason) {

    public IntegrationRow {
        scopes = List.copyOf(scopes);
        channels = List.copyOf(channels);
    }
}
