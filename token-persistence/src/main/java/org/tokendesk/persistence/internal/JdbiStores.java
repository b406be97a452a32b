package org.tokendesk.persistence.internal;

import org.jdbi.v3.core.Handle;
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
import org.tokendesk.persistence.Dialect;

/** The stores of one handle (one transaction). Stores are created on first use. */
final class JdbiStores implements Stores {

    private final Handle handle;
    private final Dialect dialect;

    JdbiStores(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public AccountStore accounts() {
        return new JdbiAccountStore(handle);
    }

    @Override
    public TokenStore tokens() {
        return new JdbiTokenStore(handle, dialect);
    }

    @Override
    public OperatorStore operators() {
        return new JdbiOperatorStore(handle);
    }

    @Override
    public SessionStore sessions() {
        return new JdbiSessionStore(handle);
    }

    @Override
    public ManagementKeyStore keys() {
        return new JdbiManagementKeyStore(handle);
    }

    @Override
    public AuditStore audit() {
        return new JdbiAuditStore(handle);
    }

    @Override
    public IntegrationStore integrations() {
        return new JdbiIntegrationStore(handle);
    }

    @Override
    public OutboxStore outbox() {
        return new JdbiOutboxStore(handle, dialect);
    }

    @Override
    public SightingStore sightings() {
        return new JdbiSightingStore(handle, dialect);
    }

    @Override
    public AcknowledgementStore acknowledgements() {
        return new JdbiAcknowledgementStore(handle);
    }

    @Override
    public ScheduledResetStore scheduledResets() {
        return new JdbiScheduledResetStore(handle, dialect);
    }
}
