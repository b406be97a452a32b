package org.tokendesk.domain.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows repeated failed sign-ins per operator email and per client address: after
 * {@code freeFailures} failures each further failure locks the key for a doubling time, up to
 * {@code maxLock}. A success clears the email's record. State is per node.
 */
public final class SignInThrottle {

    private static final int MAX_TRACKED_KEYS = 50_000;

    private final int freeFailures;
    private final Duration firstLock;
    private final Duration maxLock;
    private final ConcurrentHashMap<String, Record> records = new ConcurrentHashMap<>();

    public SignInThrottle(int freeFailures, Duration firstLock, Duration maxLock) {
        this.freeFailures = freeFailures;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    public static SignInThrottle standard() {
        return new SignInThrottle(5, Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    /** @return how long the key is still locked */
    public Optional<Duration> lockedFor(String key, Instant now) {
        Record r = records.get(key);
        if (r == null || r.lockedUntil == null || !r.lockedUntil.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, r.lockedUntil));
    }

    public void recordFailure(String key, Instant now) {
        if (records.size() >= MAX_TRACKED_KEYS) {
            records.values().removeIf(r -> r.quietSince().plus(maxLock).isBefore(now));
        }
        records.compute(key, (k, r) -> {
            // forget only after a quiet period measured from the end of the last lock
            int failures = r == null || r.quietSince().plus(maxLock).isBefore(now) ? 1 : r.failures + 1;
            Instant lockedUntil = null;
            if (failures > freeFailures) {
                long factor = 1L << Math.min(20, failures - freeFailures - 1);
                Duration lock = firstLock.multipliedBy(factor);
                lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
            }
            return new Record(failures, now, lockedUntil);
        });
    }

    public void recordSuccess(String key) {
        records.remove(key);
    }

    private record Record(int failures, Instant lastFailure, Instant lockedUntil) {

        Instant quietSince() {
            return lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
        }
    }
}
