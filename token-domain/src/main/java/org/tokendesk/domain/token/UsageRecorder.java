package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.tokendesk.domain.tx.Transactions;

/**
 * Keeps {@code lastUsedAt} current without a database write per check: passing checks only
 * update a map in memory, and {@link #flush} writes the latest time per token in one batch.
 */
public final class UsageRecorder {

    private final ConcurrentHashMap<TokenKey, AtomicReference<Instant>> pending = new ConcurrentHashMap<>();

    public UsageRecorder() {
        // nothing to configure
    }

    /**
     * Without a lock: every check of a busy token records into the same entry, and a lock there
     * ({@code ConcurrentHashMap.merge} takes one) made the checks of one selector thread wait
     * whenever the thread holding it was descheduled. A use recorded while {@link #flush} takes
     * the entry may miss that flush's time; the next use of the token records it again.
     */
    public void record(TokenKey key, Instant at) {
        AtomicReference<Instant> latest = pending.get(key);
        if (latest == null) {
            latest = pending.computeIfAbsent(key, k -> new AtomicReference<>(at));
        }
        Instant seen = latest.get();
        while (at.isAfter(seen) && !latest.compareAndSet(seen, at)) {
            seen = latest.get();
        }
    }

    /** Writes what was recorded since the last flush; what fails to write is kept for next time. */
    public int flush(Transactions tx) {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<TokenKey, Instant> batch = new HashMap<>();
        for (TokenKey key : pending.keySet()) {
            AtomicReference<Instant> at = pending.remove(key);
            if (at != null) {
                batch.put(key, at.get());
            }
        }
        try {
            tx.writeInBackground(s -> {
                s.tokens().recordUse(batch);
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(this::record);
            throw e;
        }
        return batch.size();
    }
}
