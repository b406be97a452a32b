package org.tokendesk.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
        Key key = new Key(token, clean);
        if (pending.size() >= maxKeys && !pending.containsKey(key)) {
            dropped.incrementAndGet();
            return;
        }
        pending.merge(key, new Tally(1, at, at), Tally::plus);
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
                batch.add(new Sighting(kind, key.token(), key.client(), tally.count(), tally.first(), tally.last()));
            }
        }
        try {
            tx.writeInBackground(s -> {
                s.sightings().add(batch);
                return null;
            });
        } catch (RuntimeException e) {
            for (Sighting sighting : batch) {
                pending.merge(new Key(sighting.token(), sighting.client()),
                        new Tally(sighting.count(), sighting.firstSeenAt(), sighting.lastSeenAt()), Tally::plus);
            }
            throw e;
        }
        return batch.size();
    }

    private record Key(TokenKey token, SightedClient client) {
    }

    private record Tally(long count, Instant first, Instant last) {

        Tally plus(Tally other) {
            return new Tally(count + other.count, first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }
}
