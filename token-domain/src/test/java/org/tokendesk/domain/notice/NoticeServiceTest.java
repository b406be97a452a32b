package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.DeliveryOutcome;

class NoticeServiceTest {

    private final NoticeWorld w = new NoticeWorld();
    private final NoticeService service = new NoticeService(w.world.tx(), w.world.clock());
    private final OutboxDispatcher dispatcher = w.dispatcher("node-a");
    private final Actor viewer = w.world.operator("viewer@example.com");
    private final Actor stranger = w.world.operator("stranger@example.com");

    NoticeServiceTest() {
        w.world.member(w.sid, viewer, Role.VIEWER);
        w.emailIntegration("Billing sync");
    }

    private Delivery failedDelivery() {
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("email", DeliveryOutcome.failed("550 mailbox unavailable"));
        dispatcher.dispatchOnce();
        return w.only("email");
    }

    /** A delivery in another account, which this account's operators must not reach. */
    private Delivery foreignDelivery() {
        AccountSid other = w.world.account("Other", w.admin);
        w.tokens.enable(w.admin, other, Fixture.ORIGIN);
        w.integration(other, "Elsewhere", null, null, TokenScope.READ_ONLY);
        w.tokens.reset(w.admin, other, TokenScope.READ_ONLY, Fixture.ORIGIN);
        return w.deliveries().stream().filter(d -> d.accountSid().equals(other)).findFirst().orElseThrow();
    }

    private AuditEvent lastEvent() {
        var events = w.world.tx().auditEvents();
        return events.get(events.size() - 1);
    }

    @Test
    void members_including_viewers_list_deliveries_newest_first() {
        w.reset(TokenScope.READ_WRITE);
        Delivery first = w.only("email");
        w.world.clock().advance(Duration.ofMinutes(1));
        w.reset(TokenScope.READ_WRITE);
        Delivery second = w.deliveries().get(1);

        assertEquals(List.of(second, first), service.list(viewer, w.sid, 10));
        assertEquals(List.of(second), service.list(w.admin, w.sid, 1));
    }

    @Test
    void the_list_holds_only_the_accounts_own_deliveries() {
        w.reset(TokenScope.READ_WRITE);
        foreignDelivery();
        assertEquals(List.of(w.deliveries().get(0)), service.list(w.admin, w.sid, 500));
    }

    @Test
    void the_list_limit_is_between_1_and_500() {
        for (int bad : new int[] {0, -1, 501}) {
            ValidationException e = assertThrows(ValidationException.class, () -> service.list(w.admin, w.sid, bad));
            assertEquals("limit", e.errors().get(0).field());
        }
        assertEquals(List.of(), service.list(w.admin, w.sid, 1));
        assertEquals(List.of(), service.list(w.admin, w.sid, NoticeService.MAX_LIST));
    }

    @Test
    void a_non_member_cannot_see_the_delivery_log() {
        Delivery d = failedDelivery();
        assertThrows(NotFoundException.class, () -> service.list(stranger, w.sid, 10));
        assertThrows(NotFoundException.class, () -> service.attempts(stranger, w.sid, d.id()));
    }

    @Test
    void members_see_the_attempts_of_a_delivery_oldest_first() {
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("email", DeliveryOutcome.retryLater("421 try again"));
        dispatcher.dispatchOnce();
        w.advanceTo(w.only("email").nextAttemptAt());
        dispatcher.dispatchOnce();

        List<DeliveryAttempt> attempts = service.attempts(viewer, w.sid, w.only("email").id());

        assertEquals(List.of(1, 2), attempts.stream().map(DeliveryAttempt::number).toList());
        assertEquals(List.of("retry", "delivered"), attempts.stream().map(DeliveryAttempt::result).toList());
    }

    @Test
    void attempts_of_an_unknown_or_foreign_delivery_are_not_found() {
        Delivery foreign = foreignDelivery();
        assertThrows(NotFoundException.class, () -> service.attempts(w.admin, w.sid, "msg_unknown"));
        assertThrows(NotFoundException.class, () -> service.attempts(w.admin, w.sid, foreign.id()));
    }

    @Test
    void an_admin_redelivers_a_failed_delivery_which_becomes_pending_and_due() {
        Delivery failed = failedDelivery();
        w.world.clock().advance(Duration.ofHours(3));
        Instant now = w.world.clock().instant();

        service.redeliver(w.admin, w.sid, failed.id(), Fixture.ORIGIN);

        Delivery pending = w.reload(failed);
        assertEquals(DeliveryStatus.PENDING, pending.status());
        assertEquals(now, pending.nextAttemptAt());
        assertEquals(0, pending.retryStep());
        assertEquals(1, dispatcher.dispatchOnce());
        Delivery delivered = w.reload(failed);
        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertEquals(2, delivered.attempts());
        assertEquals(List.of(failed.id(), failed.id()),
                w.gateway.calls().stream().map(c -> c.notice().deliveryId()).toList());
    }

    @Test
    void a_redelivery_starts_the_retry_schedule_afresh() {
        w.reset(TokenScope.READ_WRITE);
        Delivery queued = w.only("email");
        for (int i = 0; i <= NoticeWorld.DELAYS.size(); i++) {
            w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 503"));
            w.advanceTo(w.reload(queued).nextAttemptAt());
            dispatcher.dispatchOnce();
        }
        assertEquals(DeliveryStatus.FAILED, w.reload(queued).status());

        service.redeliver(w.admin, w.sid, queued.id(), Fixture.ORIGIN);
        w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 503"));
        dispatcher.dispatchOnce();

        Delivery retried = w.reload(queued);
        assertEquals(DeliveryStatus.PENDING, retried.status());
        assertEquals(1, retried.retryStep());
        assertEquals(w.world.clock().instant().plus(NoticeWorld.DELAYS.get(0)), retried.nextAttemptAt());
    }

    @Test
    void a_redelivery_is_audited() {
        Delivery failed = failedDelivery();
        service.redeliver(w.admin, w.sid, failed.id(), Fixture.ORIGIN);

        AuditEvent event = lastEvent();
        assertEquals(AuditAction.NOTICE_REDELIVERED, event.action());
        assertEquals("notice.redelivered", event.action().wireName());
        assertEquals(w.sid, event.accountSid());
        assertEquals("admin@example.com", event.actor());
        assertEquals(Map.of("noticeId", failed.id(), "channel", "email", "previousStatus", "failed"), event.details());
    }

    @Test
    void a_viewer_may_not_redeliver() {
        Delivery failed = failedDelivery();
        int events = w.world.tx().auditEvents().size();
        assertThrows(PermissionDeniedException.class,
                () -> service.redeliver(viewer, w.sid, failed.id(), Fixture.ORIGIN));
        assertEquals(failed, w.reload(failed));
        assertEquals(events, w.world.tx().auditEvents().size());
    }

    @Test
    void redelivering_an_unknown_or_foreign_notice_is_not_found() {
        Delivery foreign = foreignDelivery();
        assertThrows(NotFoundException.class, () -> service.redeliver(w.admin, w.sid, "msg_unknown", Fixture.ORIGIN));
        assertThrows(NotFoundException.class, () -> service.redeliver(w.admin, w.sid, foreign.id(), Fixture.ORIGIN));
        assertThrows(NotFoundException.class,
                () -> service.redeliver(stranger, foreign.accountSid(), foreign.id(), Fixture.ORIGIN));
        assertEquals(foreign, w.reload(foreign));
    }
}
