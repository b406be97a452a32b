package org.tokendesk.domain.audit;

import java.time.Clock;
import java.util.Map;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;

/** Builds audit events with the current time, inside the caller's transaction. */
public final class AuditTrail {

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    public void record(AuditStore store, Actor actor, RequestOrigin origin, AuditAction action, AccountSid sid,
            Map<String, String> details) {
        store.append(new AuditEvent(0, clock.instant(), actor == null ? "system" : actor.email(), action, sid,
                origin.ip(), details));
    }
}
