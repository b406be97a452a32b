package org.tokendesk.domain.token;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.tokendesk.domain.secret.TokenHash;

/**
 * Remembers, for a short bounded lifetime, which token hashes were current, so most checks need
 * no database query.
 *
 * <p>Why no node accepts a token after its reset was acknowledged: an entry's lifetime starts when
 * the database read that produced it <em>started</em>, so every entry that could still say "the
 * old token is current" came from a read that started before the reset committed, and expires at
 * most {@code lifetime} after the commit. The reset waits out that lifetime after its commit,
 * before it answers ({@link #awaitStaleEntriesExpired()}). Reads that start after the commit see
 * the new token. This needs no message between nodes and no synchronized clocks: each node
 * measures durations on its own monotonic clock. The resetting node also drops its own entries at
 * once. With a lifetime of zero nothing is cached and nothing is waited for.
 */
public final class CheckCache {

    static final int MAX_ENTRIES = 200_000;

    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<TokenHash, Entry> entries = new ConcurrentHashMap<>();

    public CheckCache(Duration lifetime, LongSupplier nanoTime) {
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("the check cache lifetime must not be negative");
        }
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
    }

    public static CheckCache disabled() {
        return new CheckCache(Duration.ZERO, System::nanoTime);
    }

    /** @return the time a database read starts, to pass to {@link #put} */
    public long readStarted() {
        return nanoTime.getAsLong();
    }

    public Optional<ActiveCredential> get(TokenHash hash) {
        if (lifetimeNanos == 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAt >= 0) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.credential);
    }

    public void put(TokenHash hash, ActiveCredential credential, long readStartedAt) {
        if (lifetimeNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, new Entry(credential, readStartedAt + lifetimeNanos));
    }

    /** Drops this node's entries of one token at once. */
    public void invalidate(TokenKey key) {
        entries.values().removeIf(e -> e.credential.accountSid().equals(key.accountSid())
                && e.credential.scope() == key.scope());
    }

    /** Blocks until every entry that a read started before now could have made has expired. */
    public void awaitStaleEntriesExpired() {
        long deadline = nanoTime.getAsLong() + lifetimeNanos;
        long left;
        while ((left = deadline - nanoTime.getAsLong()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private record Entry(ActiveCredential credential, long expiresAt) {
    }
}
