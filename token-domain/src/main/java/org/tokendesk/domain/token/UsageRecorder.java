package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tokendesk.domain.tx.Transactions;

/**
 * Keeps {@code lastUsedAt} current without a database write per check: passing checks only
 * update a map in memory, and {@link #flush} writes the latest time per token in one batch.
 */
public final class UsageRecorder {

    private final ConcurrentHashMap<TokenKey, Instant> pending = new ConcurrentHashMap<>();

    public UsageRecorder() {
        // nothing to configure
    }

    public void record(TokenKey key, Instant at) {
        pending.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was recorded since the last flush; what fails to write is kept for next time. */
    public int flush(Transactions tx) {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<TokenKey, Instant> batch = new HashMap<>();
        for (TokenKey key : pending.keySet()) {
            Instant at = pending.remove(key);
            if (at != null) {
                batch.put(key, at);
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
