package org.tokendesk.domain.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.audit.AuditStore;

/** The append-only audit log; the store assigns increasing ids. */
final class InMemoryAuditStore extends StoreBase implements AuditStore {

    InMemoryAuditStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void append(AuditEvent event) {
        InMemoryState state = write();
        long id = ++state.lastAuditId;
        state.audit.add(new AuditEvent(id, event.at(), event.actor(), event.action(), event.accountSid(), event.ip(),
                event.details()));
    }

    @Override
    public List<AuditEvent> page(AccountSid sid, long beforeId, int limit) {
        return read().audit.stream()
                .filter(e -> Objects.equals(e.accountSid(), sid) && e.id() < beforeId)
                .sorted(Comparator.comparingLong(AuditEvent::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<AuditEvent> after(long afterId, int limit) {
        return read().audit.stream()
                .filter(e -> e.id() > afterId)
                .sorted(Comparator.comparingLong(AuditEvent::id))
                .limit(limit)
                .toList();
    }
}
