package org.tokendesk.domain.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;

/**
 * Something an owner runs with the account's credentials; told when a token it depends on is
 * reset.
 *
 * @param id {@code int_…}
 * @param accountSid the account
 * @param name what it is called
 * @param ownerName who runs it
 * @param ownerEmail where email notices go
 * @param ownerLocale language of notices ({@code en}, {@code de})
 * @param webhookUrl where webhook notices go, or null
 * @param scopes the tokens it depends on
 * @param channels how its owner is told (notifier ids)
 * @param webhookDisabledReason why the webhook was turned off (HTTP 410), or null while it is on
 * @param createdAt when created
 * @param updatedAt last change
 */
public record Integration(String id, AccountSid accountSid, String name, String ownerName, String ownerEmail,
        String ownerLocale, URI webhookUrl, Set<TokenScope> scopes, List<String> channels, String webhookDisabledReason,
        Instant createdAt, Instant updatedAt) {

    public Integration {
        scopes = Set.copyOf(scopes);
        channels = List.copyOf(channels);
    }

    public boolean dependsOn(TokenScope scope) {
        return scopes.contains(scope);
    }

    /** The channels a reset notifies over: the active ones that the node can deliver. */
    public List<String> notifiedChannels(Set<String> available) {
        return noticeTarget().notifiedChannels(available);
    }

    /** The channels that deliver now: a turned-off webhook is skipped until the integration is edited. */
    public List<String> activeChannels() {
        return noticeTarget().activeChannels();
    }

    /** What a reset's notices need of this integration. */
    public NoticeTarget noticeTarget() {
        return new NoticeTarget(id, name, scopes, channels, webhookUrl != null, webhookDisabledReason != null);
    }
}
