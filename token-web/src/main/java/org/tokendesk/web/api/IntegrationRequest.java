package org.tokendesk.web.api;

import java.util.List;

/**
 * Creates ({@code POST}) or changes ({@code PATCH}; absent fields stay, an empty webhookUrl
 * removes the webhook) an integration.
 *
 * @param name what it is called
 * @param ownerName who runs it
 * @param ownerEmail where email notices go
 * @param ownerLocale {@code en} (default) or {@code de}
 * @param webhookUrl where webhook notices go
 * @param scopes the tokens it depends on
 * @param channels how its owner is told; default email, plus webhook when a URL is set
 */
public record IntegrationRequest(String name, String ownerName, String ownerEmail, String ownerLocale,
        String webhookUrl, List<String> scopes, List<String> channels) {
}
