package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.ScheduledResetRunner;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.Notice;

/** Who is told what, and when, about a scheduled reset: the planner's rule, three times. */
class ScheduledResetNoticeTest {

    private final NoticeWorld w = new NoticeWorld();
    private final ScheduledResetRunner runner = new ScheduledResetRunner(w.tokens, Duration.ofSeconds(1));

    private List<Delivery> ofType(String type) {
        return w.deliveries().stream().filter(d -> d.type().equals(type)).toList();
    }

    @Test
    void scheduling_tells_the_owners_on_the_scope_by_each_channel_with_the_planned_time_and_no_link() {
        w.integration("Both", NoticeWorld.HOOK, null, TokenScope.READ_WRITE, TokenScope.READ_ONLY);
        w.integration("Reader", null, null, TokenScope.READ_ONLY);
        Instant at = w.world.clock().instant().plus(Duration.ofDays(2));
        String hint = w.tokens.card(w.admin, w.sid).readWrite().hint();

        var scheduled = w.tokens.scheduleReset(w.admin, w.sid, TokenScope.READ_WRITE, at, Duration.ofHours(1),
                Fixture.ORIGIN);

        List<Delivery> told = ofType(Notice.TOKEN_RESET_SCHEDULED);
        assertEquals(2, scheduled.noticesQueued());
        assertEquals(List.of("Both/email", "Both/webhook"),
                told.stream().map(d -> d.integrationName() + "/" + d.channel()).sorted().toList());
        for (Delivery d : told) {
            assertEquals(at, d.resetAt());
            assertEquals("admin@example.com", d.resetBy());
            assertEquals(hint, d.previousTokenHint());
            assertEquals(at.plus(Duration.ofHours(1)), d.oldTokenValidUntil());
            assertNull(d.ackId(), "nothing to confirm before the reset ran");
        }
        assertEquals(0, w.world.tx().acknowledgementCount());
    }

    @Test
    void the_run_tells_them_again_as_a_plain_reset_with_a_confirmation_link() {
        w.integration("Writer", NoticeWorld.HOOK, null, TokenScope.READ_WRITE);
        Instant at = w.world.clock().instant().plus(Duration.ofMinutes(30));
        w.tokens.scheduleReset(w.admin, w.sid, TokenScope.READ_WRITE, at, Duration.ZERO, Fixture.ORIGIN);
        w.world.clock().set(at);

        assertEquals(1, runner.runOnce());

        List<Delivery> resets = ofType(Notice.TOKEN_RESET);
        assertEquals(2, resets.size());
        for (Delivery d : resets) {
            assertEquals(at, d.resetAt());
            assertEquals("admin@example.com", d.resetBy(), "the owner learns who decided the reset");
            assertNotNull(d.ackId());
            assertNull(d.oldTokenValidUntil());
        }
        assertEquals(2, ofType(Notice.TOKEN_RESET_SCHEDULED).size());
        assertEquals(0, runner.runOnce(), "a reset runs once");
        assertEquals(2, ofType(Notice.TOKEN_RESET).size());
    }

    @Test
    void cancelling_tells_the_same_owners_that_the_token_stays() {
        w.integration("Writer", null, null, TokenScope.READ_WRITE);
        w.integration("Reader", null, null, TokenScope.READ_ONLY);
        Instant at = w.world.clock().instant().plus(Duration.ofHours(5));
        w.tokens.scheduleReset(w.admin, w.sid, TokenScope.READ_ONLY, at, Duration.ofHours(2), Fixture.ORIGIN);

        w.tokens.cancelScheduledReset(w.admin, w.sid, TokenScope.READ_ONLY, Fixture.ORIGIN);

        List<Delivery> cancelled = ofType(Notice.TOKEN_SCHEDULED_RESET_CANCELLED);
        assertEquals(List.of("Reader"), cancelled.stream().map(Delivery::integrationName).toList());
        assertEquals(at, cancelled.get(0).resetAt());
        assertNull(cancelled.get(0).oldTokenValidUntil(), "no old token will be in a grace period");
        assertNull(cancelled.get(0).ackId());
        w.world.clock().set(at.plusSeconds(1));
        assertEquals(0, runner.runOnce());
        assertEquals(List.of(), ofType(Notice.TOKEN_RESET));
    }
}
