package org.tokendesk.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.tx.Transactions;

/**
 * Counts uses of tokens per client in memory and writes them in one batch per {@link #flush}, so a
 * check never waits for a database write. The map is bounded: beyond {@code maxKeys} distinct
 * (token, client) pairs between two flushes, new pairs are dropped and counted in {@link #dropped}
 * (a flood of made-up user agents must not exhaust the heap).
 */
public final class SightingRecorder {

    /** Bound used by the application. */
    public static final int DEFAULT_MAX_KEYS = 10_000;

    /** How long hour buckets are kept. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final UseKind kind;
    private final int maxKeys;
    private final boolean keepUri;
    private final ConcurrentHashMap<Key, Tally> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param kind what this recorder counts
     * @param maxKeys at most this many distinct (token, client) pairs between flushes
     */
    public SightingRecorder(UseKind kind, int maxKeys) {
        this.kind = kind;
        this.maxKeys = maxKeys;
        // valid checks are counted per client only; the path matters for finding a stale client
        this.keepUri = kind == UseKind.STALE;
    }

    /** Records one use; for an old token this is a sighting (after a reset or during a grace period). */
    public void record(TokenKey token, ClientInfo client, Instant at) {
        SightedClient clean = SightedClient.of(keepUri ? client : new ClientInfo(client.address(), client.userAgent(), null));
        add(new Key(token, clean), 1, at, at, true);
    }

    /**
     * Counts uses without a lock: every check of a busy token counts into the same tally, and a
     * lock there (as {@code ConcurrentHashMap.merge} takes one) made the checks of one selector
     * thread wait whenever the thread holding it was descheduled.
     */
    private void add(Key key, long count, Instant first, Instant last, boolean mayDrop) {
        while (true) {
            Tally tally = pending.get(key);
            if (tally == null) {
                if (mayDrop && pending.size() >= maxKeys) {
                    dropped.incrementAndGet();
                    return;
                }
                tally = pending.computeIfAbsent(key, k -> new Tally(first));
            }
            if (tally.add(count, first, last)) {
                return;
            }
            // a flush took this tally: count into a new one
            pending.remove(key, tally);
        }
    }

    /** Deletes hour buckets older than {@link #RETENTION}, of every kind. */
    public static int purgeExpired(Transactions tx, Instant now) {
        return tx.writeInBackground(s -> s.sightings().purgeBefore(now.minus(RETENTION)));
    }

    /** How many uses were dropped because the map was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** How many (token, client) pairs wait for the next flush. */
    public int pending() {
        return pending.size();
    }

    /** Writes what was recorded since the last flush; what fails to write is kept for next time. */
    public int flush(Transactions tx) {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Sighting> batch = new ArrayList<>();
        for (Key key : pending.keySet()) {
            Tally tally = pending.remove(key);
            if (tally != null) {
                // sealed: a use counted from now on goes into a new tally, none is lost
                long count = tally.seal();
                if (count > 0) {
                    batch.add(new Sighting(kind, key.token(), key.client(), count, tally.first.get(),
                            tally.last.get()));
                }
            }
        }
        try {
            tx.writeInBackground(s -> {
                s.sightings().add(batch);
                return null;
            });
        } catch (RuntimeException e) {
            for (Sighting sighting : batch) {
                add(new Key(sighting.token(), sighting.client()), sighting.count(), sighting.firstSeenAt(),
                        sighting.lastSeenAt(), false);
            }
            throw e;
        }
        return batch.size();
    }

    private record Key(TokenKey token, SightedClient client) {
    }

    /** The uses of one (token, client) pair since the last flush. */
    private static final class Tally {

        private static final long SEALED = -1;

        final AtomicLong count = new AtomicLong();
        final AtomicReference<Instant> first;
        final AtomicReference<Instant> last;

        Tally(Instant at) {
            first = new AtomicReference<>(at);
            last = new AtomicReference<>(at);
        }

        /** @return false when a flush has sealed this tally (nothing was counted) */
        boolean add(long uses, Instant from, Instant to) {
            // the times first: a flush reads them after sealing, so a use it counts is in them
            lower(first, from);
            raise(last, to);
            long c;
            do {
                c = count.get();
                if (c == SEALED) {
                    return false;
                }
            } while (!count.compareAndSet(c, c + uses));
            return true;
        }

        long seal() {
            return count.getAndSet(SEALED);
        }

        private static void lower(AtomicReference<Instant> value, Instant to) {
            Instant v = value.get();
            while (to.isBefore(v) && !value.compareAndSet(v, to)) {
                v = value.get();
            }
        }

        private static void raise(AtomicReference<Instant> value, Instant to) {
            Instant v = value.get();
            while (to.isAfter(v) && !value.compareAndSet(v, to)) {
                v = value.get();
            }
        }
    }
}
