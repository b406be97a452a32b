package org.tokendesk.domain.token;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * measures durations on its own monotonic clock. With a lifetime of zero nothing is cached and
 * nothing is waited for.
 *
 * <p>On the resetting node itself no wait is needed: {@link #invalidate} records when it ran, and
 * an entry whose read started before that is never served again, even one that a check in flight
 * stores after the invalidation. So a node that is known to be the only one ({@link #onlyNode()}:
 * tokendesk on SQLite, which refuses a second node on the same database) skips the wait.
 *
 * <p>An entry past half its lifetime is due for a refresh: the one check that {@linkplain
 * #getClaimingRefresh claims} it reads the database again, in the background, while every other check
 * goes on using the entry until it expires. So a token checked all the time costs a read per half
 * lifetime, and its entry never lapses under load, when every check in flight would miss at once
 * and read the database. A refresh is an ordinary read: its entry's lifetime counts from its own
 * start, and a refresh that no longer finds the token current drops the entry at once.
 */
public final class CheckCache {

    static final int MAX_ENTRIES = 200_000;

    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    private final boolean onlyNode;
    private final ConcurrentHashMap<TokenHash, Entry> entries = new ConcurrentHashMap<>();
    /** Per token, when this node last invalidated it; shared by its entries, kept while the node runs. */
    private final ConcurrentHashMap<TokenKey, Invalidation> invalidations = new ConcurrentHashMap<>();

    /** A cache of a node that may share its database with other nodes. */
    public CheckCache(Duration lifetime, LongSupplier nanoTime) {
        this(lifetime, nanoTime, false);
    }

    /**
     * @param onlyNode whether this node is the only one on its database, so a reset need not wait
     *     for other nodes' entries to expire
     */
    public CheckCache(Duration lifetime, LongSupplier nanoTime, boolean onlyNode) {
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("the check cache lifetime must not be negative");
        }
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
        this.onlyNode = onlyNode;
    }

    /** Whether this node is the only one on its database (then {@link #invalidate} alone suffices). */
    public boolean onlyNode() {
        return onlyNode;
    }

    public static CheckCache disabled() {
        return new CheckCache(Duration.ZERO, System::nanoTime);
    }

    /** @return the time a database read starts, to pass to {@link #put} */
    public long readStarted() {
        return nanoTime.getAsLong();
    }

    /** The cached current token of this hash, if an entry may still be served. */
    public Optional<ActiveCredential> get(TokenHash hash) {
        return lookup(hash, false).map(Hit::credential);
    }

    /**
     * As {@link #get}, and in the same look at the entry, whether the caller is the one to refresh
     * it: true once per entry, when it is past half its lifetime. The caller then calls
     * {@link #readStarted}, reads the database and hands what it found to {@link #refreshed}.
     */
    public Optional<Hit> getClaimingRefresh(TokenHash hash) {
        return lookup(hash, true);
    }

    private Optional<Hit> lookup(TokenHash hash, boolean claimRefresh) {
        if (lifetimeNanos == 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        if (now - entry.expiresAt >= 0 || entry.invalidation.covers(entry.readStartedAt)) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        boolean refresh = claimRefresh && now - entry.refreshAt >= 0
                && entry.refreshClaimed.compareAndSet(false, true);
        return Optional.of(new Hit(entry.credential, refresh));
    }

    public void put(TokenHash hash, ActiveCredential credential, long readStartedAt) {
        if (lifetimeNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Invalidation invalidation = invalidationOf(new TokenKey(credential.accountSid(), credential.scope()));
        entries.put(hash, new Entry(credential, readStartedAt, lifetimeNanos, invalidation));
    }

    /**
     * What a refresh read found: the token, still current (a new entry), or nothing, when it is no
     * longer current, so its entry goes now instead of at its expiry.
     *
     * @param readStartedAt when the refresh read started ({@link #readStarted})
     */
    public void refreshed(TokenHash hash, Optional<ActiveCredential> found, long readStartedAt) {
        if (found.isPresent()) {
            put(hash, found.get(), readStartedAt);
        } else {
            entries.computeIfPresent(hash, (h, entry) -> entry.readStartedAt - readStartedAt < 0 ? null : entry);
        }
    }

    /**
     * Drops this node's entries of one token at once, and refuses every entry from a read that
     * started before now, including one a check in flight stores later. Call it after the commit
     * that took the token's right to pass.
     */
    public void invalidate(TokenKey key) {
        invalidationOf(key).at(nanoTime.getAsLong());
        entries.values().removeIf(e -> e.credential.accountSid().equals(key.accountSid())
                && e.credential.scope() == key.scope());
    }

    private Invalidation invalidationOf(TokenKey key) {
        return invalidations.computeIfAbsent(key, k -> new Invalidation());
    }

    /** Blocks until every entry that a read started before now could have made has expired. */
    public void awaitStaleEntriesExpired() {
        long deadline = nanoTime.getAsLong() + lifetimeNanos;
        long left;
        while ((left = deadline - nanoTime.getAsLong()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * A served entry.
     *
     * @param credential the cached current token
     * @param refreshClaimed whether this caller is the one to refresh the entry
     */
    public record Hit(ActiveCredential credential, boolean refreshClaimed) {
    }

    private static final class Entry {
        final ActiveCredential credential;
        final long readStartedAt;
        final long expiresAt;
        final long refreshAt;
        final Invalidation invalidation;
        final AtomicBoolean refreshClaimed = new AtomicBoolean();

        Entry(ActiveCredential credential, long readStartedAt, long lifetimeNanos, Invalidation invalidation) {
            this.credential = credential;
            this.readStartedAt = readStartedAt;
            this.expiresAt = readStartedAt + lifetimeNanos;
            this.refreshAt = readStartedAt + lifetimeNanos / 2;
            this.invalidation = invalidation;
        }
    }

    /** When a token was last invalidated on this node, on the monotonic clock. */
    private static final class Invalidation {
        private volatile boolean happened;
        private volatile long at;

        void at(long now) {
            at = now;
            happened = true;
        }

        /** Whether a read that started at {@code readStartedAt} may have seen the token before it. */
        boolean covers(long readStartedAt) {
            return happened && readStartedAt - at <= 0;
        }
    }
}
