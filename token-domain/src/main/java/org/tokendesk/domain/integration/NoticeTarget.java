package org.tokendesk.domain.integration;

import java.util.List;
import java.util.Set;
import org.tokendesk.domain.token.TokenScope;

/**
 * What a reset's notices need of an integration, and no more: a reset reads this for every
 * integration of the account (1,000 of them in the benchmark), inside its write transaction.
 *
 * @param id {@code int_…}
 * @param name what it is called (the notice names it)
 * @param scopes the tokens it depends on
 * @param channels how its owner is told (notifier ids)
 * @param hasWebhookUrl whether it has a webhook URL
 * @param webhookTurnedOff whether its webhook was turned off (HTTP 410) and not edited since
 */
public record NoticeTarget(String id, String name, Set<TokenScope> scopes, List<String> channels, boolean hasWebhookUrl,
        boolean webhookTurnedOff) {

    public NoticeTarget {
        scopes = Set.copyOf(scopes);
        channels = List.copyOf(channels);
    }

    public boolean dependsOn(TokenScope scope) {
        return scopes.contains(scope);
    }

    /** The channels a reset notifies over: the active ones that the node can deliver. */
    public List<String> notifiedChannels(Set<String> available) {
        return activeChannels().stream().filter(available::contains).toList();
    }

    /** Whether a webhook notice can go out: there is a URL and the webhook is not turned off. */
    public boolean webhookDelivers() {
        return hasWebhookUrl && !webhookTurnedOff;
    }

    /** The channels that deliver now: a turned-off webhook is skipped until the integration is edited. */
    public List<String> activeChannels() {
        return channels.stream().filter(c -> !Channels.WEBHOOK.equals(c) || webhookDelivers()).toList();
    }
}
