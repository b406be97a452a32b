package org.tokendesk.domain.integration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.Secret;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/**
 * Integrations: who is told when a token is reset. Members read them; admins change them. Each
 * has a webhook signing secret ({@code whsec_} + base64 of 32 random bytes), stored encrypted,
 * shown on create and on rotation; after a rotation the old secret keeps signing for 24 hours.
 */
public final class IntegrationService {

    public static final Duration PREVIOUS_SECRET_LIFETIME = Duration.ofHours(24);

    private final Transactions tx;
    private final SecretCipher cipher;
    private final SecretGenerator random;
    private final Clock clock;
    private final Supplier<Channels> channels;
    private final AuditTrail audit;

    public IntegrationService(Transactions tx, SecretCipher cipher, SecretGenerator random, Clock clock,
            Supplier<Channels> channels) {
        this.tx = tx;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
        this.channels = channels;
        this.audit = new AuditTrail(clock);
    }

    public WithSecret create(Actor actor, AccountSid sid, IntegrationDraft draft, RequestOrigin origin) {
        // who may act comes before what is wrong with the input: a non-member learns nothing
        tx.read(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            return null;
        });
        IntegrationRules rules = new IntegrationRules();
        String name = rules.text("name", draft.name(), 200);
        String ownerName = rules.text("ownerName", draft.ownerName(), 200);
        String ownerEmail = rules.email(draft.ownerEmail());
        String locale = rules.locale(draft.ownerLocale());
        URI webhook = rules.webhookUrl(draft.webhookUrl());
        Set<TokenScope> scopes = rules.scopes(draft.scopes());
        List<String> chosen = rules.channels(draft.channels(), webhook, channels.get());
        rules.throwIfAny();
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            Instant now = clock.instant();
            Integration integration = new Integration(Ids.newId("int"), sid, name, ownerName, ownerEmail, locale, webhook,
                    scopes, chosen, null, now, now);
            Secret secret = newSecret();
            s.integrations().insert(integration, new WebhookSecrets(encrypt(integration.id(), secret), null, null));
            audit.record(s.audit(), actor, origin, AuditAction.INTEGRATION_CREATED, sid,
                    Map.of("integrationId", integration.id(), "name", name));
            return new WithSecret(integration, secret);
        });
    }

    public List<Integration> list(Actor actor, AccountSid sid) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            return s.integrations().list(sid);
        });
    }

    public Integration get(Actor actor, AccountSid sid, String id) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            return find(s, sid, id);
        });
    }

    /** Changes the given fields; editing turns a webhook that answered 410 back on. */
    public Integration update(Actor actor, AccountSid sid, String id, IntegrationDraft patch, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            Integration old = find(s, sid, id);
            IntegrationRules rules = new IntegrationRules();
            String name = patch.name() == null ? old.name() : rules.text("name", patch.name(), 200);
            String ownerName = patch.ownerName() == null ? old.ownerName() : rules.text("ownerName", patch.ownerName(), 200);
            String email = patch.ownerEmail() == null ? old.ownerEmail() : rules.email(patch.ownerEmail());
            String locale = patch.ownerLocale() == null ? old.ownerLocale() : rules.locale(patch.ownerLocale());
            URI webhook = patch.webhookUrl() == null ? old.webhookUrl() : rules.webhookUrl(patch.webhookUrl());
            Set<TokenScope> scopes = patch.scopes() == null ? old.scopes() : rules.scopes(patch.scopes());
            List<String> chosen = patch.channels() == null
                    ? adjustDefaults(old, webhook)
                    : rules.channels(patch.channels(), webhook, channels.get());
            rules.throwIfAny();
            Integration updated = new Integration(id, sid, name, ownerName, email, locale, webhook, scopes, chosen, null,
                    old.createdAt(), clock.instant());
            s.integrations().update(updated);
            audit.record(s.audit(), actor, origin, AuditAction.INTEGRATION_UPDATED, sid,
                    Map.of("integrationId", id, "name", name));
            return updated;
        });
    }

    /** Without explicit channels, removing the URL drops the webhook channel and adding one adds it. */
    private static List<String> adjustDefaults(Integration old, URI webhook) {
        if (webhook == null) {
            return old.channels().stream().filter(c -> !Channels.WEBHOOK.equals(c)).toList();
        }
        if (old.webhookUrl() == null && !old.channels().contains(Channels.WEBHOOK)) {
            return java.util.stream.Stream.concat(old.channels().stream(), java.util.stream.Stream.of(Channels.WEBHOOK))
                    .toList();
        }
        return old.channels();
    }

    public void delete(Actor actor, AccountSid sid, String id, RequestOrigin origin) {
        tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            Integration old = find(s, sid, id);
            s.integrations().delete(sid, id);
            audit.record(s.audit(), actor, origin, AuditAction.INTEGRATION_DELETED, sid,
                    Map.of("integrationId", id, "name", old.name()));
            return null;
        });
    }

    public WithSecret rotateSecret(Actor actor, AccountSid sid, String id, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            Integration integration = find(s, sid, id);
            WebhookSecrets old = s.integrations().secrets(id).orElseThrow();
            Secret secret = newSecret();
            Instant now = clock.instant();
            s.integrations().updateSecrets(id, new WebhookSecrets(encrypt(id, secret), old.current(),
                    now.plus(PREVIOUS_SECRET_LIFETIME)));
            audit.record(s.audit(), actor, origin, AuditAction.INTEGRATION_WEBHOOK_SECRET_ROTATED, sid,
                    Map.of("integrationId", id));
            return new WithSecret(integration, secret);
        });
    }

    /**
     * The channels a reset would notify this integration over: its active channels that this node
     * can deliver (email without SMTP, say, is left out) — what the notice planner queues.
     */
    public List<String> notifiedChannels(Integration integration) {
        return integration.notifiedChannels(channels.get().available());
    }

    /** The secrets that sign a delivery now, newest first. */
    public List<String> signingSecrets(Stores s, String integrationId) {
        return s.integrations().secrets(integrationId).map(secrets -> {
            String current = cipher.decrypt(secrets.current(), associatedData(integrationId));
            if (secrets.previous() != null && secrets.previousExpiresAt().isAfter(clock.instant())) {
                return List.of(current, cipher.decrypt(secrets.previous(), associatedData(integrationId)));
            }
            return List.of(current);
        }).orElse(List.of());
    }

    private static Integration find(Stores s, AccountSid sid, String id) {
        return s.integrations().find(sid, id).orElseThrow(() -> new NotFoundException("no such integration"));
    }

    private Secret newSecret() {
        return new Secret("whsec_" + Base64.getEncoder().encodeToString(random.randomBytes(32)));
    }

    private byte[] encrypt(String integrationId, Secret secret) {
        return cipher.encrypt(secret.reveal(), associatedData(integrationId));
    }

    public static String associatedData(String integrationId) {
        return "webhook-secret:" + integrationId;
    }

    /**
     * An integration with its new signing secret, shown once.
     *
     * @param integration the integration
     * @param webhookSecret the secret
     */
    public record WithSecret(Integration integration, Secret webhookSecret) {
    }
}
