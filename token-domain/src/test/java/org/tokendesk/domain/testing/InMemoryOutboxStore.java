package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.DeliveryAttempt;
import org.tokendesk.domain.notice.DeliveryStatus;
import org.tokendesk.domain.notice.OutboxStore;

/**
 * The outbox with leases, as the real table does it: a due pending row is claimable when it has
 * no lease or its lease ran out ({@code leaseUntil < now}); claims take the oldest due first;
 * {@code complete} applies only while the caller still owns the lease, then ends it and appends
 * the attempt; attempt numbers are unique per delivery.
 */
final class InMemoryOutboxStore extends StoreBase implements OutboxStore {

    private static final Comparator<Delivery> OLDEST_DUE_FIRST =
            Comparator.comparing(Delivery::nextAttemptAt).thenComparing(Delivery::id);
    private static final Comparator<Delivery> NEWEST_FIRST =
            Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id).reversed();

    InMemoryOutboxStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(Delivery delivery) {
        if (!read().accounts.containsKey(delivery.accountSid()) || read().deliveries.containsKey(delivery.id())) {
            throw new IllegalStateException("no account or duplicate delivery " + delivery.id());
        }
        write().deliveries.put(delivery.id(), delivery);
    }

    @Override
    public List<Delivery> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        InMemoryState state = write(); // a claim is a write: it takes leases
        List<Delivery> due = state.deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now))
                .filter(d -> leaseIsFree(state.leases.get(d.id()), now))
                .sorted(OLDEST_DUE_FIRST)
                .limit(limit)
                .toList();
        for (Delivery d : due) {
            state.leases.put(d.id(), new InMemoryState.Lease(d.id(), owner, leaseUntil));
        }
        return due;
    }

    private static boolean leaseIsFree(InMemoryState.Lease lease, Instant now) {
        return lease == null || lease.until().isBefore(now);
    }

    @Override
    public boolean complete(Delivery updated, String owner, DeliveryAttempt attempt) {
        InMemoryState.Lease lease = read().leases.get(updated.id());
        if (lease == null || !lease.owner().equals(owner)) {
            return false;
        }
        Delivery old = read().deliveries.get(updated.id());
        boolean numberTaken = read().attempts.stream()
                .anyMatch(a -> a.deliveryId().equals(attempt.deliveryId()) && a.number() == attempt.number());
        if (old == null || !attempt.deliveryId().equals(updated.id()) || numberTaken) {
            throw new IllegalStateException("no such delivery or duplicate attempt " + updated.id());
        }
        write().deliveries.put(updated.id(), updated);
        write().leases.remove(updated.id());
        write().attempts.add(attempt);
        return true;
    }

    @Override
    public List<Delivery> list(AccountSid sid, int limit) {
        return read().deliveries.values().stream()
                .filter(d -> d.accountSid().equals(sid))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<Delivery> find(AccountSid sid, String id) {
        return Optional.ofNullable(read().deliveries.get(id)).filter(d -> d.accountSid().equals(sid));
    }

    @Override
    public List<DeliveryAttempt> attempts(String deliveryId) {
        List<DeliveryAttempt> mine = new ArrayList<>(read().attempts.stream()
                .filter(a -> a.deliveryId().equals(deliveryId))
                .toList());
        mine.sort(Comparator.comparingInt(DeliveryAttempt::number));
        return Collections.unmodifiableList(mine);
    }

    @Override
    public void redeliver(String id, Instant now) {
        Delivery d = read().deliveries.get(id);
        if (d == null) {
            throw new IllegalStateException("no such delivery " + id);
        }
        write().deliveries.put(id, new Delivery(d.id(), d.accountSid(), d.integrationId(), d.integrationName(),
                d.channel(), d.type(), d.scope(), d.resetAt(), d.resetBy(), d.previousTokenHint(), d.apiVersion(),
                DeliveryStatus.PENDING, d.attempts(), 0, now, d.lastError(), d.createdAt(), null, d.staleUse(), d.ackId(),
                d.oldTokenValidUntil()));
        write().leases.remove(id);
    }

    @Override
    public Backlog backlog() {
        List<Delivery> pending = read().deliveries.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING)
                .toList();
        return new Backlog(pending.size(),
                pending.stream().map(Delivery::createdAt).min(Comparator.naturalOrder()).orElse(null));
    }
}
