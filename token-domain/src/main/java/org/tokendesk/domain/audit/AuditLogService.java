package org.tokendesk.domain.audit;

import java.util.List;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.tx.Transactions;

/** Reading an account's audit log, newest first, in pages. */
public final class AuditLogService {

    public static final int MAX_PAGE = 200;

    private final Transactions tx;

    public AuditLogService(Transactions tx) {
        this.tx = tx;
    }

    /**
     * @param beforeId the {@code next} cursor of the previous page, or null for the newest
     * @param limit page size, 1 to 200
     */
    public Page page(Actor actor, AccountSid sid, Long beforeId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ValidationException.of("limit", "must be between 1 and " + MAX_PAGE);
        }
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            List<AuditEvent> events = s.audit().page(sid, beforeId == null ? Long.MAX_VALUE : beforeId, limit + 1);
            Long next = null;
            if (events.size() > limit) {
                events = events.subList(0, limit);
                next = events.get(limit - 1).id();
            }
            return new Page(List.copyOf(events), next);
        });
    }

    /**
     * @param events newest first
     * @param next cursor for the next page, or null at the end
     */
    public record Page(List<AuditEvent> events, Long next) {
    }
}
