package org.tokendesk.domain.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: the configured delays (default {@code 5s,5m,30m,2h,5h,10h,10h}), each
 * stretched or shrunk by up to 10 % so that receivers that failed together are not retried in
 * lockstep, and never sooner than the receiver asked ({@code Retry-After}, capped at one day).
 */
public final class RetrySchedule {

    static final Duration MAX_HINT = Duration.ofDays(1);

    private final List<Duration> delays;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    public RetrySchedule(List<Duration> delays, DoubleSupplier random) {
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    public int retries() {
        return delays.size();
    }

    /**
     * @param retriesUsed how many retries were already scheduled before this failure
     * @return when to retry, or empty when the schedule is used up
     */
    public Optional<Instant> next(int retriesUsed, Instant now, Optional<Duration> hint) {
        if (retriesUsed >= delays.size()) {
            return Optional.empty();
        }
        long base = delays.get(retriesUsed).toMillis();
        long jittered = Math.round(base * (0.9 + 0.2 * random.getAsDouble()));
        Duration delay = Duration.ofMillis(jittered);
        if (hint.isPresent()) {
            Duration asked = hint.get().compareTo(MAX_HINT) > 0 ? MAX_HINT : hint.get();
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        return Optional.of(now.plus(delay));
    }
}
