package org.tokendesk.web.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, with a deadline, for what background work (usage flush, outbox dispatcher) produces. */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Polls the condition until it holds; fails with {@code what} when the timeout passes. */
    public static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        waitFor(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Polls the probe until its value satisfies the condition; fails with {@code what} and the last
     * value when the timeout passes.
     *
     * @return the first value that satisfies the condition
     */
    public static <T> T waitFor(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value)) {
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            LockSupport.parkNanos(PAUSE.toNanos());
            value = probe.get();
        }
        return value;
    }
}
