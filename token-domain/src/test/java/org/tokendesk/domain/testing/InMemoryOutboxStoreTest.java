package org.tokendesk.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.DeliveryAttempt;
import org.tokendesk.domain.notice.DeliveryStatus;
import org.tokendesk.domain.notice.OutboxStore;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.TokenScope;

/** The lease rules of the outbox port, which the dispatcher relies on and the real store shares. */
class InMemoryOutboxStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LEASE = T0.plusSeconds(60);

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);

    private Delivery pending(String id, Instant due, Instant created) {
        return new Delivery(id, sid, "int_1", "Billing", "email", "token.reset", TokenScope.READ_WRITE, T0,
                "admin@example.com", "…a1b2", "v13", DeliveryStatus.PENDING, 0, 0, due, null, created, null, null, null, null);
    }

    private void insert(Delivery... deliveries) {
        world.tx().write(s -> {
            for (Delivery d : deliveries) {
                s.outbox().insert(d);
            }
            return null;
        });
    }

    private <T> T write(Function<OutboxStore, T> work) {
        return world.tx().write(s -> work.apply(s.outbox()));
    }

    private List<String> claim(Instant now, int limit, String owner, Instant until) {
        return write(o -> o.claimDue(now, limit, owner, until)).stream().map(Delivery::id).toList();
    }

    private boolean complete(Delivery updated, String owner, DeliveryAttempt attempt) {
        return write(o -> o.complete(updated, owner, attempt));
    }

    private static Delivery delivered(Delivery d, Instant at) {
        return new Delivery(d.id(), d.accountSid(), d.integrationId(), d.integrationName(), d.channel(), d.type(),
                d.scope(), d.resetAt(), d.resetBy(), d.previousTokenHint(), d.apiVersion(), DeliveryStatus.DELIVERED,
                d.attempts() + 1, d.retryStep(), d.nextAttemptAt(), null, d.createdAt(), at, d.staleUse(), d.ackId(), d.oldTokenValidUntil());
    }

    private static DeliveryAttempt attempt(String id, int number) {
        return new DeliveryAttempt(id, number, T0, 3, "delivered", "HTTP 204");
    }

    @Test
    void a_claim_takes_due_pending_rows_oldest_due_first_up_to_the_limit() {
        insert(pending("msg_c", T0, T0), pending("msg_a", T0.minusSeconds(10), T0), pending("msg_b", T0.minusSeconds(5), T0),
                pending("msg_later", T0.plusSeconds(1), T0));
        assertEquals(List.of("msg_a", "msg_b"), claim(T0, 2, "node-a", LEASE));
        assertEquals(List.of("msg_c"), claim(T0, 10, "node-a", LEASE));
    }

    @Test
    void a_row_leased_to_one_node_is_skipped_by_another_until_the_lease_ran_out() {
        insert(pending("msg_1", T0, T0));
        assertEquals(List.of("msg_1"), claim(T0, 10, "node-a", LEASE));
        assertEquals(List.of(), claim(T0.plusSeconds(30), 10, "node-b", T0.plusSeconds(90)));
        assertEquals(List.of(), claim(LEASE, 10, "node-b", LEASE.plusSeconds(60)));
        assertEquals(List.of("msg_1"), claim(LEASE.plusMillis(1), 10, "node-b", LEASE.plusSeconds(60)));
    }

    @Test
    void complete_applies_only_while_the_caller_holds_the_lease_and_then_ends_it() {
        Delivery d = pending("msg_1", T0, T0);
        insert(d);
        claim(T0, 10, "dead", LEASE);
        claim(LEASE.plusSeconds(1), 10, "node-b", LEASE.plusSeconds(61));

        assertFalse(complete(delivered(d, T0), "dead", attempt("msg_1", 1)));
        assertTrue(complete(delivered(d, LEASE), "node-b", attempt("msg_1", 1)));
        assertFalse(complete(delivered(d, LEASE), "node-b", attempt("msg_1", 2)));

        Delivery stored = world.tx().read(s -> s.outbox().find(sid, "msg_1")).orElseThrow();
        assertEquals(DeliveryStatus.DELIVERED, stored.status());
        assertEquals(LEASE, stored.deliveredAt());
        assertEquals(List.of(attempt("msg_1", 1)), world.tx().read(s -> s.outbox().attempts("msg_1")));
    }

    @Test
    void complete_without_a_claim_changes_nothing() {
        Delivery d = pending("msg_1", T0, T0);
        insert(d);
        assertFalse(complete(delivered(d, T0), "node-a", attempt("msg_1", 1)));
        assertEquals(d, world.tx().read(s -> s.outbox().find(sid, "msg_1")).orElseThrow());
        assertEquals(List.of(), world.tx().read(s -> s.outbox().attempts("msg_1")));
    }

    @Test
    void redeliver_makes_a_row_pending_due_now_with_a_fresh_schedule_and_no_lease() {
        Delivery d = pending("msg_1", T0, T0);
        insert(d);
        claim(T0, 10, "node-a", LEASE);
        Instant later = T0.plusSeconds(5);
        write(o -> {
            o.redeliver("msg_1", later);
            return null;
        });
        Delivery stored = world.tx().read(s -> s.outbox().find(sid, "msg_1")).orElseThrow();
        assertEquals(DeliveryStatus.PENDING, stored.status());
        assertEquals(later, stored.nextAttemptAt());
        assertEquals(0, stored.retryStep());
        assertNull(stored.deliveredAt());
        assertEquals(List.of("msg_1"), claim(later, 10, "node-b", later.plusSeconds(60)));
    }

    @Test
    void the_list_is_newest_first_per_account_and_the_backlog_counts_pending_rows() {
        Actor other = world.operator("other@example.com");
        AccountSid otherSid = world.account("Other", other);
        insert(pending("msg_old", T0, T0), pending("msg_new", T0, T0.plusSeconds(9)));
        world.tx().write(s -> {
            s.outbox().insert(new Delivery("msg_x", otherSid, "int_2", "X", "email", "token.reset",
                    TokenScope.READ_ONLY, T0, "x", "…", "v13", DeliveryStatus.FAILED, 1, 0, T0, "no", T0.minusSeconds(9),
                    null, null, null, null));
            return null;
        });
        assertEquals(List.of("msg_new", "msg_old"),
                world.tx().read(s -> s.outbox().list(sid, 10)).stream().map(Delivery::id).toList());
        assertEquals(1, world.tx().read(s -> s.outbox().list(sid, 1)).size());
        assertTrue(world.tx().read(s -> s.outbox().find(sid, "msg_x")).isEmpty());
        assertEquals(new OutboxStore.Backlog(2, T0), world.tx().read(s -> s.outbox().backlog()));
    }

    @Test
    void an_empty_outbox_has_no_backlog() {
        assertEquals(new OutboxStore.Backlog(0, null), world.tx().read(s -> s.outbox().backlog()));
    }

    @Test
    void a_claim_is_a_write() {
        insert(pending("msg_1", T0, T0));
        assertThrows(IllegalStateException.class, () -> world.tx().read(s -> s.outbox().claimDue(T0, 1, "a", LEASE)));
    }
}
