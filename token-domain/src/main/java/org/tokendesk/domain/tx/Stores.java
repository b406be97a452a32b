package org.tokendesk.domain.tx;

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
import org.tokendesk.domain.usage.SightingStore;

/** Every store, bound to one transaction. */
public interface Stores {

    AccountStore accounts();

    TokenStore tokens();

    OperatorStore operators();

    SessionStore sessions();

    ManagementKeyStore keys();

    AuditStore audit();

    IntegrationStore integrations();

    OutboxStore outbox();

    SightingStore sightings();

    AcknowledgementStore acknowledgements();

    ScheduledResetStore scheduledResets();
}
