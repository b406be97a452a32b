package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MAX = Duration.ofSeconds(8);

    private final SignInThrottle throttle = new SignInThrottle(2, Duration.ofSeconds(1), MAX);

    private void fail(String key, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(key, at);
        }
    }

    @Test
    void the_free_failures_do_not_lock() {
        fail("email:a", 2, T0);
        assertTrue(throttle.lockedFor("email:a", T0).isEmpty());
    }

    @Test
    void each_further_failure_doubles_the_lock() {
        fail("email:a", 2, T0);
        long[] expectedSeconds = {1, 2, 4};
        for (long seconds : expectedSeconds) {
            throttle.recordFailure("email:a", T0);
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), throttle.lockedFor("email:a", T0));
        }
    }

    @Test
    void the_lock_never_exceeds_the_maximum() {
        fail("email:a", 40, T0);
        assertEquals(Optional.of(MAX), throttle.lockedFor("email:a", T0));
    }

    @Test
    void the_lock_runs_out() {
        fail("email:a", 4, T0);
        assertEquals(Optional.of(Duration.ofMillis(500)), throttle.lockedFor("email:a", T0.plusMillis(1500)));
        assertTrue(throttle.lockedFor("email:a", T0.plusSeconds(2)).isEmpty());
    }

    @Test
    void a_success_clears_the_record() {
        fail("email:a", 3, T0);
        throttle.recordSuccess("email:a");
        assertTrue(throttle.lockedFor("email:a", T0).isEmpty());
        fail("email:a", 2, T0);
        assertTrue(throttle.lockedFor("email:a", T0).isEmpty());
    }

    @Test
    void keys_are_throttled_separately() {
        fail("email:a", 3, T0);
        assertTrue(throttle.lockedFor("email:b", T0).isEmpty());
    }

    @Test
    void free_failures_are_forgotten_after_a_quiet_period() {
        fail("email:a", 2, T0);
        Instant later = T0.plus(MAX).plusMillis(1);
        fail("email:a", 2, later);
        assertTrue(throttle.lockedFor("email:a", later).isEmpty());
        throttle.recordFailure("email:a", later);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedFor("email:a", later));
    }

    @Test
    void the_standard_throttle_allows_five_failures_then_locks_two_seconds() {
        SignInThrottle standard = SignInThrottle.standard();
        for (int i = 0; i < 5; i++) {
            standard.recordFailure("ip:x", T0);
        }
        assertTrue(standard.lockedFor("ip:x", T0).isEmpty());
        standard.recordFailure("ip:x", T0);
        assertEquals(Optional.of(Duration.ofSeconds(2)), standard.lockedFor("ip:x", T0));
    }

    @Test
    void a_failure_right_after_a_maximal_lock_locks_again_for_the_maximum() {
        fail("email:a", 6, T0);
        assertEquals(Optional.of(MAX), throttle.lockedFor("email:a", T0));
        Instant afterLock = T0.plus(MAX).plusMillis(1);
        throttle.recordFailure("email:a", afterLock);
        assertEquals(Optional.of(MAX), throttle.lockedFor("email:a", afterLock));
    }
}
