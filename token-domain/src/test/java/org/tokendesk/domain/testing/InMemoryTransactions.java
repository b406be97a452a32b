package org.tokendesk.domain.testing;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.token.InvalidatedToken;
import org.tokendesk.domain.token.ScheduledReset;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/**
 * Atomic transactions over {@link InMemoryState}: a write runs under one lock on a copy of the
 * state, and the copy replaces the state only when the work returns normally. Reads see the
 * committed state and may not write. Tests can make the next call fail, like a lost database.
 */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();
    private InMemoryState committed = new InMemoryState();
    private boolean writing;
    private int commits;
    private int reads;
    private RuntimeException nextFailure;

    public InMemoryTransactions() {
        // empty database
    }

    @Override
    public <T> T write(Function<Stores, T> work) {
        lock.lock();
        try {
            failIfAsked();
            if (writing) {
                throw new IllegalStateException("nested write transactions are not supported");
            }
            InMemoryState draft = committed.copy();
            writing = true;
            try {
                T result = work.apply(new InMemoryStores(draft, true));
                committed = draft;
                commits++;
                return result;
            } finally {
                writing = false;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        lock.lock();
        try {
            failIfAsked();
            reads++;
            return work.apply(new InMemoryStores(committed, false));
        } finally {
            lock.unlock();
        }
    }

    /** Makes the next read or write throw this exception before doing anything. */
    public void failNextCall(RuntimeException failure) {
        lock.lock();
        try {
            nextFailure = failure;
        } finally {
            lock.unlock();
        }
    }

    /** @return whether the calling thread is inside a write transaction right now */
    public boolean isWriting() {
        return lock.isHeldByCurrentThread() && writing;
    }

    /** @return how many write transactions committed */
    public int commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many read transactions ran */
    public int reads() {
        lock.lock();
        try {
            return reads;
        } finally {
            lock.unlock();
        }
    }

    /** @return every committed audit event, platform events included, oldest first */
    public List<AuditEvent> auditEvents() {
        return snapshot(s -> List.copyOf(s.audit));
    }

    /** @return every committed reset-history row, oldest first */
    public List<InvalidatedToken> resetHistory() {
        return snapshot(s -> List.copyOf(s.history));
    }

    /** @return every committed outbox row of every account, in the order they were queued */
    public List<Delivery> deliveries() {
        return snapshot(s -> List.copyOf(s.deliveries.values()));
    }

    /** @return how many acknowledgements (of any reset) are stored */
    public int acknowledgementCount() {
        return snapshot(s -> s.acknowledgements.size());
    }

    /** @return the pending scheduled resets of every account */
    public List<ScheduledReset> scheduledResets() {
        return snapshot(s -> List.copyOf(s.scheduledResets.values()));
    }

    /** @return whether the text occurs in any committed row (strings, maps, byte arrays, hashes) */
    public boolean storesText(String text) {
        return snapshot(s -> StateScanner.contains(s.everything(), text));
    }

    private <T> T snapshot(Function<InMemoryState, T> view) {
        lock.lock();
        try {
            return view.apply(committed);
        } finally {
            lock.unlock();
        }
    }

    private void failIfAsked() {
        RuntimeException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
