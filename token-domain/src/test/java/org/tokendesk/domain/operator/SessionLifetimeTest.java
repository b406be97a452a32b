package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.Fixture;

class SessionLifetimeTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(8);

    private final Fixture world = new Fixture();
    private final Operator ada = world.insertOperator("ada@example.com", false);
    private final SessionService sessions = new SessionService(world.tx(), world.passwords(), world.hasher(),
            world.random(), SignInThrottle.standard(), world.clock(), new SessionService.SessionLifetime(IDLE, ABSOLUTE));
    private final Instant start = world.clock().instant();
    private final SessionService.NewSession session = sessions.signIn(ada.email(), Fixture.PASSWORD, Fixture.ORIGIN);
    private final String id = session.sessionId().reveal();

    private void advance(Duration by) {
        world.clock().advance(by);
    }

    @Test
    void a_session_lives_until_it_is_idle_too_long() {
        advance(IDLE.minusSeconds(1));
        assertTrue(sessions.resolve(id).isPresent());
        advance(Duration.ofSeconds(1));
        assertTrue(sessions.resolve(id).isPresent(), "the resolve above renewed the idle time");
    }

    @Test
    void an_idle_session_expires() {
        advance(IDLE);
        assertTrue(sessions.resolve(id).isEmpty());
    }

    @Test
    void activity_moves_the_idle_expiry() {
        advance(Duration.ofMinutes(20));
        assertTrue(sessions.resolve(id).isPresent());
        advance(Duration.ofMinutes(25));
        assertTrue(sessions.resolve(id).isPresent());
        advance(IDLE);
        assertTrue(sessions.resolve(id).isEmpty());
    }

    @Test
    void an_active_session_still_ends_at_the_absolute_expiry() {
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(ABSOLUTE.minusMinutes(20)) < 0;
                elapsed = elapsed.plusMinutes(20)) {
            advance(Duration.ofMinutes(20));
            assertTrue(sessions.resolve(id).isPresent());
        }
        world.clock().set(start.plus(ABSOLUTE).minusSeconds(1));
        assertTrue(sessions.resolve(id).isPresent());
        world.clock().set(start.plus(ABSOLUTE));
        assertTrue(sessions.resolve(id).isEmpty());
    }

    @Test
    void last_seen_is_written_at_most_once_a_minute() {
        int commits = world.tx().commits();
        advance(Duration.ofSeconds(30));
        sessions.resolve(id);
        assertEquals(commits, world.tx().commits());
        advance(Duration.ofSeconds(31));
        sessions.resolve(id);
        assertEquals(commits + 1, world.tx().commits());
    }

    @Test
    void unknown_empty_null_and_overlong_ids_resolve_to_nothing() {
        assertTrue(sessions.resolve("x" + id).isEmpty());
        assertTrue(sessions.resolve("").isEmpty());
        assertTrue(sessions.resolve(null).isEmpty());
        assertTrue(sessions.resolve("a".repeat(101)).isEmpty());
    }

    @Test
    void the_csrf_token_must_match_exactly() {
        var active = sessions.resolve(id).orElseThrow();
        String csrf = session.csrfToken().reveal();
        assertTrue(sessions.csrfMatches(active, csrf));
        assertFalse(sessions.csrfMatches(active, csrf + "x"));
        assertFalse(sessions.csrfMatches(active, id));
        assertFalse(sessions.csrfMatches(active, ""));
        assertFalse(sessions.csrfMatches(active, null));
        assertFalse(sessions.csrfMatches(active, "a".repeat(101)));
    }

    @Test
    void sign_out_ends_the_session() {
        sessions.signOut(id);
        assertTrue(sessions.resolve(id).isEmpty());
        sessions.signOut(null);
        sessions.signOut("");
    }

    @Test
    void purge_removes_only_expired_sessions() {
        advance(IDLE.plusMinutes(1));
        String fresh = sessions.signIn(ada.email(), Fixture.PASSWORD, Fixture.ORIGIN).sessionId().reveal();
        assertEquals(1, sessions.purgeExpired());
        assertTrue(sessions.resolve(fresh).isPresent());
        assertEquals(0, sessions.purgeExpired());
    }
}
