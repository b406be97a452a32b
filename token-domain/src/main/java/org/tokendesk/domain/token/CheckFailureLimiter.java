package org.tokendesk.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed credential checks per key (client address, Account SID) in fixed one-minute
 * windows. The state is per node: with N nodes behind a balancer a client gets at most N times
 * the limit, which still stops guessing while keeping checks free of database writes.
 */
public final class CheckFailureLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int limitPerMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public CheckFailureLimiter(int limitPerMinute) {
        if (limitPerMinute < 1) {
            throw new IllegalArgumentException("the failure limit must be at least 1");
        }
        this.limitPerMinute = limitPerMinute;
    }

    /** @return how long the key must wait, when it used up its failures in this window */
    public Optional<Duration> blockedFor(String key, Instant now) {
        Window window = windows.get(key);
        long t = now.toEpochMilli();
        if (window == null || window.start + WINDOW_MILLIS <= t || window.failures < limitPerMinute) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(window.start + WINDOW_MILLIS - t));
    }

    public void recordFailure(String key, Instant now) {
        long t = now.toEpochMilli();
        if (windows.size() >= MAX_TRACKED_KEYS) {
            windows.values().removeIf(w -> w.start + WINDOW_MILLIS <= t);
        }
        windows.compute(key, (k, w) -> w == null || w.start + WINDOW_MILLIS <= t ? new Window(t, 1)
                : new Window(w.start, w.failures + 1));
    }

    private record Window(long start, int failures) {
    }
}
