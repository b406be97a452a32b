package org.tokendesk.domain.testing;

import org.tokendesk.domain.account.AccountStore;
import org.tokendesk.domain.audit.AuditStore;
import org.tokendesk.domain.integration.IntegrationStore;
import org.tokendesk.domain.notice.AcknowledgementStore;
import org.tokendesk.domain.notice.OutboxStore;
import org.tokendesk.domain.operator.ManagementKeyStore;
import org.tokendesk.domain.operator.OperatorStore;
import org.tokendesk.domain.operator.SessionStore;
import org.tokendesk.domain.token.ScheduledResetStore;
import org.tokendesk.domain.token.TokenStore;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.usage.SightingStore;

/** Every store over one snapshot of the state; writes are refused when the snapshot is read-only. */
public final class InMemoryStores implements Stores {

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final OperatorStore operators;
    private final SessionStore sessions;
    private final ManagementKeyStore keys;
    private final AuditStore audit;
    private final IntegrationStore integrations;
    private final OutboxStore outbox;
    private final SightingStore sightings;
    private final AcknowledgementStore acknowledgements;
    private final ScheduledResetStore scheduledResets;

    InMemoryStores(InMemoryState state, boolean writable) {
        this.accounts = new InMemoryAccountStore(state, writable);
        this.tokens = new InMemoryTokenStore(state, writable);
        this.operators = new InMemoryOperatorStore(state, writable);
        this.sessions = new InMemorySessionStore(state, writable);
        this.keys = new InMemoryManagementKeyStore(state, writable);
        this.audit = new InMemoryAuditStore(state, writable);
        this.integrations = new InMemoryIntegrationStore(state, writable);
        this.outbox = new InMemoryOutboxStore(state, writable);
        this.sightings = new InMemorySightingStore(state, writable);
        this.acknowledgements = new InMemoryAcknowledgementStore(state, writable);
        this.scheduledResets = new InMemoryScheduledResetStore(state, writable);
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public OperatorStore operators() {
        return operators;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ManagementKeyStore keys() {
        return keys;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public IntegrationStore integrations() {
        return integrations;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public SightingStore sightings() {
        return sightings;
    }

    @Override
    public AcknowledgementStore acknowledgements() {
        return acknowledgements;
    }

    @Override
    public ScheduledResetStore scheduledResets() {
        return scheduledResets;
    }
}
