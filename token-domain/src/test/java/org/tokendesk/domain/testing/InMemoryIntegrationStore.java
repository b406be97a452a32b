package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationStore;
import org.tokendesk.domain.integration.NoticeTarget;
import org.tokendesk.domain.integration.WebhookSecrets;

/**
 * Integrations in creation order, with their encrypted signing secrets beside them. Like the real
 * table, an integration belongs to an existing account, and deleting it takes its secrets along
 * but leaves its deliveries (they fail as "deleted"). Turning a webhook off does not count as an
 * edit ({@code updatedAt} stays).
 */
final class InMemoryIntegrationStore extends StoreBase implements IntegrationStore {

    InMemoryIntegrationStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(Integration integration, WebhookSecrets secrets) {
        if (!read().accounts.containsKey(integration.accountSid()) || read().integrations.containsKey(integration.id())) {
            throw new IllegalStateException("no account or duplicate integration " + integration.id());
        }
        write().integrations.put(integration.id(), integration);
        write().webhookSecrets.put(integration.id(), copy(secrets));
    }

    @Override
    public Optional<Integration> find(AccountSid sid, String id) {
        return Optional.ofNullable(read().integrations.get(id)).filter(i -> i.accountSid().equals(sid));
    }

    @Override
    public List<Integration> list(AccountSid sid) {
        return read().integrations.values().stream().filter(i -> i.accountSid().equals(sid)).toList();
    }

    @Override
    public List<NoticeTarget> noticeTargets(AccountSid sid) {
        return list(sid).stream().map(Integration::noticeTarget).toList();
    }

    @Override
    public void update(Integration integration) {
        Integration old = find(integration.accountSid(), integration.id())
                .orElseThrow(() -> new IllegalStateException("no such integration " + integration.id()));
        if (!old.createdAt().equals(integration.createdAt())) {
            throw new IllegalStateException("createdAt never changes");
        }
        write().integrations.put(integration.id(), integration);
    }

    @Override
    public boolean delete(AccountSid sid, String id) {
        if (find(sid, id).isEmpty()) {
            return false;
        }
        write().integrations.remove(id);
        write().webhookSecrets.remove(id);
        return true;
    }

    @Override
    public Optional<WebhookSecrets> secrets(String integrationId) {
        return Optional.ofNullable(read().webhookSecrets.get(integrationId)).map(InMemoryIntegrationStore::copy);
    }

    @Override
    public void updateSecrets(String integrationId, WebhookSecrets secrets) {
        if (!read().webhookSecrets.containsKey(integrationId)) {
            throw new IllegalStateException("no such integration " + integrationId);
        }
        write().webhookSecrets.put(integrationId, copy(secrets));
    }

    @Override
    public void disableWebhook(String integrationId, String reason, Instant at) {
        Integration i = read().integrations.get(integrationId);
        if (i != null) { // deleted meanwhile: nothing to turn off
            write().integrations.put(integrationId, new Integration(i.id(), i.accountSid(), i.name(), i.ownerName(),
                    i.ownerEmail(), i.ownerLocale(), i.webhookUrl(), i.scopes(), i.channels(), reason, i.createdAt(),
                    i.updatedAt()));
        }
    }

    @Override
    public List<String> allIds() {
        return read().integrations.keySet().stream().sorted().toList();
    }

    private static WebhookSecrets copy(WebhookSecrets s) {
        return new WebhookSecrets(s.current().clone(), s.previous() == null ? null : s.previous().clone(),
                s.previousExpiresAt());
    }
}
