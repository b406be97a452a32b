package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckFailureLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final CheckFailureLimiter limiter = new CheckFailureLimiter(3);

    private void fail(String key, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            limiter.recordFailure(key, at);
        }
    }

    @Test
    void failures_below_the_limit_do_not_block() {
        fail("ip:a", 2, T0);
        assertTrue(limiter.blockedFor("ip:a", T0).isEmpty());
    }

    @Test
    void reaching_the_limit_blocks_until_the_window_ends() {
        fail("ip:a", 3, T0);
        assertEquals(Optional.of(Duration.ofSeconds(60)), limiter.blockedFor("ip:a", T0));
        assertEquals(Optional.of(Duration.ofSeconds(15)), limiter.blockedFor("ip:a", T0.plusSeconds(45)));
    }

    @Test
    void the_block_ends_with_the_window() {
        fail("ip:a", 3, T0);
        assertTrue(limiter.blockedFor("ip:a", T0.plusSeconds(60)).isEmpty());
    }

    @Test
    void a_failure_after_the_window_starts_a_new_count() {
        fail("ip:a", 3, T0);
        fail("ip:a", 2, T0.plusSeconds(61));
        assertTrue(limiter.blockedFor("ip:a", T0.plusSeconds(61)).isEmpty());
    }

    @Test
    void keys_are_counted_separately() {
        fail("ip:a", 3, T0);
        assertTrue(limiter.blockedFor("ip:b", T0).isEmpty());
    }

    @Test
    void a_limit_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CheckFailureLimiter(0));
    }
}
