package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Membership;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.WebhookSecrets;
import org.tokendesk.domain.notice.Acknowledgement;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.DeliveryAttempt;
import org.tokendesk.domain.operator.ManagementKey;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.SessionRecord;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.token.CardRecord;
import org.tokendesk.domain.token.InvalidatedToken;
import org.tokendesk.domain.token.StoredToken;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.ScheduledReset;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.SightedClient;
import org.tokendesk.domain.usage.Sighting;
import org.tokendesk.domain.usage.UseKind;

/** The whole "database": plain collections of immutable rows, copied per write transaction. */
final class InMemoryState {

    final Map<AccountSid, Account> accounts;
    final Map<MemberKey, Membership> members;
    final Map<AccountSid, CardRecord> cards;
    final Map<TokenKey, StoredToken> tokens;
    final List<InvalidatedToken> history;
    final Map<String, Operator> operators;
    final Map<TokenHash, SessionRecord> sessions;
    final Map<String, ManagementKey> keys;
    final List<AuditEvent> audit;
    final Map<String, Integration> integrations;
    final Map<String, WebhookSecrets> webhookSecrets;
    final Map<String, Delivery> deliveries;
    final Map<String, Lease> leases;
    final List<DeliveryAttempt> attempts;
    final Map<UseBucket, Sighting> uses;
    final Map<ReminderKey, Instant> reminders;
    final Map<String, Acknowledgement> acknowledgements;
    final Map<TokenKey, ScheduledReset> scheduledResets;
    long lastAuditId;

    InMemoryState() {
        accounts = new LinkedHashMap<>();
        members = new LinkedHashMap<>();
        cards = new LinkedHashMap<>();
        tokens = new LinkedHashMap<>();
        history = new ArrayList<>();
        operators = new LinkedHashMap<>();
        sessions = new LinkedHashMap<>();
        keys = new LinkedHashMap<>();
        audit = new ArrayList<>();
        integrations = new LinkedHashMap<>();
        webhookSecrets = new LinkedHashMap<>();
        deliveries = new LinkedHashMap<>();
        leases = new LinkedHashMap<>();
        attempts = new ArrayList<>();
        uses = new LinkedHashMap<>();
        reminders = new LinkedHashMap<>();
        acknowledgements = new LinkedHashMap<>();
        scheduledResets = new LinkedHashMap<>();
    }

    private InMemoryState(InMemoryState other) {
        accounts = new LinkedHashMap<>(other.accounts);
        members = new LinkedHashMap<>(other.members);
        cards = new LinkedHashMap<>(other.cards);
        tokens = new LinkedHashMap<>(other.tokens);
        history = new ArrayList<>(other.history);
        operators = new LinkedHashMap<>(other.operators);
        sessions = new LinkedHashMap<>(other.sessions);
        keys = new LinkedHashMap<>(other.keys);
        audit = new ArrayList<>(other.audit);
        integrations = new LinkedHashMap<>(other.integrations);
        webhookSecrets = new LinkedHashMap<>(other.webhookSecrets);
        deliveries = new LinkedHashMap<>(other.deliveries);
        leases = new LinkedHashMap<>(other.leases);
        attempts = new ArrayList<>(other.attempts);
        uses = new LinkedHashMap<>(other.uses);
        reminders = new LinkedHashMap<>(other.reminders);
        acknowledgements = new LinkedHashMap<>(other.acknowledgements);
        scheduledResets = new LinkedHashMap<>(other.scheduledResets);
        lastAuditId = other.lastAuditId;
    }

    /**
     * Rows are immutable records (byte arrays are copied on the way in and out), so a copy of the
     * collections is a full snapshot.
     */
    InMemoryState copy() {
        return new InMemoryState(this);
    }

    /** Every stored row, for scanning the state for text that must not be there. */
    List<Object> everything() {
        List<Object> all = new ArrayList<>();
        all.addAll(accounts.values());
        all.addAll(members.values());
        all.addAll(cards.values());
        all.addAll(tokens.values());
        all.addAll(history);
        all.addAll(operators.values());
        all.addAll(sessions.values());
        all.addAll(keys.values());
        all.addAll(audit);
        all.addAll(integrations.values());
        all.addAll(webhookSecrets.values());
        all.addAll(deliveries.values());
        all.addAll(leases.values());
        all.addAll(attempts);
        all.addAll(uses.values());
        all.addAll(reminders.keySet());
        all.addAll(acknowledgements.values());
        all.addAll(scheduledResets.values());
        return all;
    }

    /** One hour bucket of one client's uses of one token. */
    record UseBucket(UseKind kind, TokenKey token, Instant hour, SightedClient client) {
    }

    /** Which integration was reminded of stale use of which scope. */
    record ReminderKey(String integrationId, TokenScope scope) {
    }

    record MemberKey(AccountSid sid, String operatorId) {
    }

    /** Who is delivering an outbox row, and until when the others keep their hands off it. */
    record Lease(String deliveryId, String owner, Instant until) {
    }
}
