package org.tokendesk.domain.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;

/** Port: the outbox of deliveries, shared by the dispatchers of every node. */
public interface OutboxStore {

    void insert(Delivery delivery);

    /** Inserts many rows at once (a reset of an account with many integrations). */
    default void insertAll(java.util.List<Delivery> deliveries) {
        deliveries.forEach(this::insert);
    }

    /**
     * Leases up to {@code limit} due pending deliveries to {@code owner} until {@code leaseUntil}.
     * Rows leased by another node are skipped ({@code SKIP LOCKED}); a lease that ran out (its
     * node died) is taken again.
     */
    List<Delivery> claimDue(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Stores the outcome of an attempt and ends the lease, only while {@code owner} still holds it.
     *
     * @return whether the row was still leased to {@code owner}
     */
    boolean complete(Delivery updated, String owner, DeliveryAttempt attempt);

    /** Newest first. */
    List<Delivery> list(AccountSid sid, int limit);

    Optional<Delivery> find(AccountSid sid, String id);

    List<DeliveryAttempt> attempts(String deliveryId);

    /** Makes a delivery pending and due now with a fresh retry schedule. */
    void redeliver(String id, Instant now);

    /** How many deliveries are pending, and since when the oldest waits. */
    Backlog backlog();

    /**
     * @param pending pending deliveries
     * @param oldestCreatedAt creation time of the oldest pending one, or null
     */
    record Backlog(long pending, Instant oldestCreatedAt) {
    }
}
