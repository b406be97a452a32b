package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An integration; {@code webhookSecret} only on create and on secret rotation.
 *
 * @param id id
 * @param accountSid the account
 * @param name name
 * @param ownerName owner
 * @param ownerEmail owner's email
 * @param ownerLocale owner's language
 * @param webhookUrl webhook URL, or null
 * @param scopes the tokens it depends on
 * @param channels how its owner is told
 * @param webhookEnabled false after the receiver answered 410 Gone, until the integration is edited
 * @param webhookDisabledReason why it was turned off, or null
 * @param createdAt when created
 * @param updatedAt last change
 * @param webhookSecret the signing secret, shown once
 */
public record IntegrationView(String id, String accountSid, String name, String ownerName, String ownerEmail,
        String ownerLocale, String webhookUrl, List<String> scopes, List<String> channels, boolean webhookEnabled,
        String webhookDisabledReason, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {

    @Override
    public String toString() {
        return "IntegrationView[" + id + ", " + name + ", webhookSecret=" + (webhookSecret == null ? "none" : "masked") + "]";
    }

    /** @param integrations the account's integrations */
    public record IntegrationList(List<IntegrationView> integrations) {
    }
}
