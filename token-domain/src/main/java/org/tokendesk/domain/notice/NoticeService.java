package org.tokendesk.domain.notice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.tx.Transactions;

/** The delivery log of an account, and redelivery. */
public final class NoticeService {

    public static final int MAX_LIST = 500;

    private final Transactions tx;
    private final Clock clock;
    private final AuditTrail audit;

    public NoticeService(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
    }

    public List<Delivery> list(Actor actor, AccountSid sid, int limit) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            if (limit < 1 || limit > MAX_LIST) {
                throw ValidationException.of("limit", "must be between 1 and " + MAX_LIST);
            }
            return s.outbox().list(sid, limit);
        });
    }

    public List<DeliveryAttempt> attempts(Actor actor, AccountSid sid, String id) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            s.outbox().find(sid, id).orElseThrow(() -> new NotFoundException("no such notice"));
            return s.outbox().attempts(id);
        });
    }

    /** Queues the delivery again, due now, with a fresh retry schedule (admins). */
    public void redeliver(Actor actor, AccountSid sid, String id, RequestOrigin origin) {
        tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            Delivery delivery = s.outbox().find(sid, id).orElseThrow(() -> new NotFoundException("no such notice"));
            s.outbox().redeliver(id, clock.instant());
            audit.record(s.audit(), actor, origin, AuditAction.NOTICE_REDELIVERED, sid,
                    Map.of("noticeId", id, "channel", delivery.channel(), "previousStatus", delivery.status().wireName()));
            return null;
        });
    }
}
