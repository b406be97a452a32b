package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** Several dispatchers on one outbox: leases keep them apart, and dead nodes' rows are taken over. */
class OutboxDispatcherLeaseTest {

    private final NoticeWorld w = new NoticeWorld();

    private Instant now() {
        return w.world.clock().instant();
    }

    private List<String> calledIds() {
        return w.gateway.calls().stream().map(c -> c.notice().deliveryId()).toList();
    }

    /** Runs {@code action} once, while the first delivery of the test is in flight. */
    private void duringTheFirstDelivery(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        w.gateway.whileDelivering(call -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    private List<Delivery> claimAs(String owner) {
        Instant at = now();
        return w.world.tx().write(s -> s.outbox().claimDue(at, 10, owner, at.plus(NoticeWorld.LEASE)));
    }

    @Test
    void two_dispatchers_never_deliver_a_row_twice_while_leases_are_held() {
        w.webhookIntegration();
        w.emailIntegration("Reporting");
        w.reset(TokenScope.READ_WRITE);
        OutboxDispatcher a = w.dispatcher("node-a");
        OutboxDispatcher b = w.dispatcher("node-b");
        List<Integer> attemptedByB = new ArrayList<>();
        duringTheFirstDelivery(() -> attemptedByB.add(b.dispatchOnce()));

        assertEquals(3, a.dispatchOnce());

        assertEquals(List.of(0), attemptedByB);
        assertEquals(3, calledIds().size());
        assertEquals(3, calledIds().stream().distinct().count());
        assertEquals(0, b.dispatchOnce());
        for (Delivery d : w.deliveries()) {
            assertEquals(DeliveryStatus.DELIVERED, d.status());
            assertEquals(1, w.attempts(d).size());
        }
    }

    @Test
    void dispatchers_with_small_batches_share_the_rows_without_overlap() {
        w.webhookIntegration();
        w.emailIntegration("Reporting");
        w.reset(TokenScope.READ_WRITE);
        OutboxDispatcher a = w.dispatcher("node-a", 1);
        OutboxDispatcher b = w.dispatcher("node-b", 1);
        List<Integer> attemptedByB = new ArrayList<>();
        duringTheFirstDelivery(() -> attemptedByB.add(b.dispatchOnce()));

        assertEquals(1, a.dispatchOnce());
        assertEquals(1, a.dispatchOnce());

        assertEquals(List.of(1), attemptedByB);
        assertEquals(3, calledIds().stream().distinct().count());
        assertEquals(3, calledIds().size());
        assertEquals(0, a.dispatchOnce() + b.dispatchOnce());
    }

    @Test
    void a_row_leased_by_a_dead_node_is_taken_again_when_the_lease_runs_out() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        assertEquals(1, claimAs("dead").size());
        OutboxDispatcher b = w.dispatcher("node-b");

        assertEquals(0, b.dispatchOnce());
        w.world.clock().advance(NoticeWorld.LEASE);
        assertEquals(0, b.dispatchOnce());
        w.world.clock().advance(Duration.ofMillis(1));
        assertEquals(1, b.dispatchOnce());

        Delivery d = w.only("email");
        assertEquals(DeliveryStatus.DELIVERED, d.status());
        assertEquals(1, d.attempts());
    }

    @Test
    void a_stale_owner_cannot_complete_a_row_that_was_taken_over() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        Delivery claimed = claimAs("dead").get(0);
        w.world.clock().advance(NoticeWorld.LEASE.plusSeconds(1));
        w.dispatcher("node-b").dispatchOnce();
        Delivery delivered = w.only("email");

        Delivery staleOutcome = new Delivery(claimed.id(), claimed.accountSid(), claimed.integrationId(),
                claimed.integrationName(), claimed.channel(), claimed.type(), claimed.scope(), claimed.resetAt(),
                claimed.resetBy(), claimed.previousTokenHint(), claimed.apiVersion(), DeliveryStatus.FAILED, 1, 0,
                claimed.nextAttemptAt(), "late", claimed.createdAt(), null, null, claimed.ackId(),
                claimed.oldTokenValidUntil());
        boolean applied = w.world.tx().write(s -> s.outbox().complete(staleOutcome, "dead",
                new DeliveryAttempt(claimed.id(), 2, claimed.createdAt(), 1, "failed", "late")));

        assertFalse(applied);
        assertEquals(delivered, w.only("email"));
        assertEquals(1, w.attempts(delivered).size());
    }

    @Test
    void a_dispatcher_whose_lease_ran_out_mid_call_does_not_overwrite_the_new_owners_record() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        OutboxDispatcher slow = w.dispatcher("node-a");
        OutboxDispatcher other = w.dispatcher("node-b");
        // node-b's call is answered first (it starts and ends inside node-a's call): delivered;
        // node-a's late answer is a retry, which must not reopen the delivered row
        w.gateway.answer("email", DeliveryOutcome.delivered("250 OK"), DeliveryOutcome.retryLater("timeout"));
        duringTheFirstDelivery(() -> {
            w.world.clock().advance(NoticeWorld.LEASE.plusSeconds(1));
            other.dispatchOnce();
        });

        slow.dispatchOnce();

        Delivery d = w.only("email");
        assertEquals(DeliveryStatus.DELIVERED, d.status());
        assertEquals(1, d.attempts());
        assertEquals(List.of("250 OK"), w.attempts(d).stream().map(DeliveryAttempt::detail).toList());
        assertEquals(List.of(d.id(), d.id()), calledIds());
    }

    @Test
    void an_outcome_that_cannot_be_recorded_is_sent_again_with_the_same_id_after_the_lease() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        OutboxDispatcher a = w.dispatcher("node-a");
        duringTheFirstDelivery(() -> w.world.tx().failNextCall(new StoreUnavailableException("database gone", null)));

        assertEquals(1, a.dispatchOnce());

        Delivery unrecorded = w.only("email");
        assertEquals(DeliveryStatus.PENDING, unrecorded.status());
        assertEquals(0, unrecorded.attempts());
        assertEquals(0, a.dispatchOnce());
        w.world.clock().advance(NoticeWorld.LEASE.plusMillis(1));
        assertEquals(1, a.dispatchOnce());
        assertEquals(DeliveryStatus.DELIVERED, w.only("email").status());
        assertEquals(List.of(unrecorded.id(), unrecorded.id()), calledIds());
    }

    @Test
    void rows_not_yet_due_are_not_claimed_by_anyone() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 503"));
        w.dispatcher("node-a").dispatchOnce();

        assertEquals(0, w.dispatcher("node-b").dispatchOnce());
        assertEquals(List.of(), claimAs("node-c"));
        assertEquals(1, w.gateway.calls().size());
        assertEquals(DeliveryStatus.PENDING, w.only("email").status());
    }
}
