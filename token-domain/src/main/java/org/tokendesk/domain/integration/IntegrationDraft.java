package org.tokendesk.domain.integration;

import java.util.List;

/**
 * What an operator sends to create an integration, or to change one (null fields are left as
 * they are; an empty {@code webhookUrl} removes the webhook).
 *
 * @param name what it is called
 * @param ownerName who runs it
 * @param ownerEmail where email notices go
 * @param ownerLocale {@code en} or {@code de}
 * @param webhookUrl http(s) URL for webhook notices
 * @param scopes {@code read_write}, {@code read_only}
 * @param channels notifier ids
 */
public record IntegrationDraft(String name, String ownerName, String ownerEmail, String ownerLocale, String webhookUrl,
        List<String> scopes, List<String> channels) {
}
