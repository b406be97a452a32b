package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    private static final DoubleSupplier MIDDLE = () -> 0.5;

    private static Duration delay(RetrySchedule schedule, int retriesUsed, Optional<Duration> hint) {
        return Duration.between(NOW, schedule.next(retriesUsed, NOW, hint).orElseThrow());
    }

    @Test
    void without_jitter_each_step_waits_its_configured_delay() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, MIDDLE);
        for (int step = 0; step < DELAYS.size(); step++) {
            assertEquals(DELAYS.get(step), delay(schedule, step, Optional.empty()));
        }
        assertEquals(4, schedule.retries());
    }

    @Test
    void the_smallest_random_value_shrinks_a_delay_by_ten_percent() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, () -> 0.0);
        assertEquals(Duration.ofSeconds(270), delay(schedule, 1, Optional.empty()));
    }

    @Test
    void the_largest_random_value_stretches_a_delay_by_at_most_ten_percent() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, () -> Math.nextDown(1.0));
        Duration stretched = delay(schedule, 1, Optional.empty());
        assertTrue(stretched.compareTo(Duration.ofSeconds(330)) <= 0, stretched.toString());
        assertTrue(stretched.compareTo(Duration.ofMillis(329_999)) >= 0, stretched.toString());
    }

    @Test
    void a_longer_hint_from_the_receiver_is_honoured() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, MIDDLE);
        assertEquals(Duration.ofMinutes(2), delay(schedule, 0, Optional.of(Duration.ofMinutes(2))));
    }

    @Test
    void a_shorter_hint_does_not_bring_the_retry_forward() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, MIDDLE);
        assertEquals(Duration.ofMinutes(5), delay(schedule, 1, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Duration.ofMinutes(5), delay(schedule, 1, Optional.of(Duration.ZERO)));
    }

    @Test
    void a_hint_is_capped_at_one_day() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, MIDDLE);
        assertEquals(Duration.ofDays(1), delay(schedule, 0, Optional.of(Duration.ofDays(30))));
    }

    @Test
    void the_schedule_is_empty_after_the_last_retry_even_with_a_hint() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, MIDDLE);
        assertEquals(Optional.empty(), schedule.next(4, NOW, Optional.empty()));
        assertEquals(Optional.empty(), schedule.next(4, NOW, Optional.of(Duration.ofSeconds(1))));
    }

    @Test
    void an_empty_schedule_never_retries() {
        RetrySchedule schedule = new RetrySchedule(List.of(), MIDDLE);
        assertEquals(0, schedule.retries());
        assertEquals(Optional.empty(), schedule.next(0, NOW, Optional.empty()));
    }
}
