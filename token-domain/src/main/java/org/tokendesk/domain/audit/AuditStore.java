package org.tokendesk.domain.audit;

import java.util.List;
import org.tokendesk.domain.account.AccountSid;

/** Port: the append-only audit log. */
public interface AuditStore {

    void append(AuditEvent event);

    /**
     * @param sid the account
     * @param beforeId only events with a smaller id (for paging), or {@code Long.MAX_VALUE}
     * @param limit at most this many, newest first
     */
    List<AuditEvent> page(AccountSid sid, long beforeId, int limit);

    /**
     * Every account's events and the platform's, oldest first: for exports.
     *
     * @param afterId only events with a larger id, or 0 from the start
     * @param limit at most this many
     */
    List<AuditEvent> after(long afterId, int limit);
}
