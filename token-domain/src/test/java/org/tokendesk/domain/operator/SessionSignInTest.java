package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.testing.Fixture;

class SessionSignInTest {

    private static final RequestOrigin HOME = new RequestOrigin("198.51.100.1", "browser");
    private static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.2", "browser");

    private final Fixture world = new Fixture();
    private final Operator ada = world.insertOperator("ada@example.com", false);
    private final SessionService sessions = new SessionService(world.tx(), world.passwords(), world.hasher(),
            world.random(), new SignInThrottle(3, Duration.ofSeconds(2), Duration.ofMinutes(1)), world.clock(),
            new SessionService.SessionLifetime(Duration.ofMinutes(30), Duration.ofHours(8)));

    private SessionService.NewSession signIn(String email, String password, RequestOrigin origin) {
        return sessions.signIn(email, password, origin);
    }

    @Test
    void the_right_password_gives_a_session_that_resolves_to_the_operator() {
        SessionService.NewSession session = signIn("ada@example.com", Fixture.PASSWORD, HOME);
        assertEquals(ada.id(), session.operator().id());
        var active = sessions.resolve(session.sessionId().reveal()).orElseThrow();
        assertEquals(ada.id(), active.actor().operatorId());
        assertTrue(sessions.csrfMatches(active, session.csrfToken().reveal()));
    }

    @Test
    void the_email_is_matched_case_insensitively() {
        assertEquals(ada.id(), signIn(" ADA@Example.com ", Fixture.PASSWORD, HOME).operator().id());
    }

    @Test
    void every_sign_in_gives_a_new_session_id_and_csrf_token() {
        var first = signIn("ada@example.com", Fixture.PASSWORD, HOME);
        var second = signIn("ada@example.com", Fixture.PASSWORD, HOME);
        assertNotEquals(first.sessionId().reveal(), second.sessionId().reveal());
        assertNotEquals(first.csrfToken().reveal(), second.csrfToken().reveal());
        assertTrue(sessions.resolve(first.sessionId().reveal()).isPresent());
    }

    @Test
    void sign_in_is_audited() {
        signIn("ada@example.com", Fixture.PASSWORD, HOME);
        AuditEvent event = world.tx().auditEvents().get(0);
        assertEquals(AuditAction.OPERATOR_SIGNED_IN, event.action());
        assertEquals("ada@example.com", event.actor());
        assertEquals(HOME.ip(), event.ip());
    }

    @Test
    void a_wrong_password_and_an_unknown_email_fail_alike() {
        var wrong = assertThrows(NotAuthenticatedException.class, () -> signIn("ada@example.com", "wrong-password!", HOME));
        var unknown = assertThrows(NotAuthenticatedException.class, () -> signIn("bob@example.com", Fixture.PASSWORD, HOME));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertThrows(NotAuthenticatedException.class, () -> signIn("not an email", Fixture.PASSWORD, OFFICE));
        assertThrows(NotAuthenticatedException.class, () -> signIn("ada@example.com", null, OFFICE));
    }

    @Test
    void an_unknown_email_still_costs_a_password_verification() {
        int before = world.passwords().verifications();
        assertThrows(NotAuthenticatedException.class, () -> signIn("bob@example.com", Fixture.PASSWORD, HOME));
        assertEquals(before + 1, world.passwords().verifications());
    }

    @Test
    void repeated_failures_lock_the_email_even_for_the_right_password() {
        for (int i = 0; i < 4; i++) {
            assertThrows(NotAuthenticatedException.class, () -> signIn("ada@example.com", "wrong-password!", HOME));
        }
        var locked = assertThrows(TooManyAttemptsException.class, () -> signIn("ada@example.com", Fixture.PASSWORD, OFFICE));
        assertEquals(Duration.ofSeconds(2), locked.retryAfter());
        world.clock().advance(locked.retryAfter());
        assertEquals(ada.id(), signIn("ada@example.com", Fixture.PASSWORD, OFFICE).operator().id());
    }

    @Test
    void repeated_failures_lock_the_address_for_every_email() {
        for (int i = 0; i < 4; i++) {
            String email = "guess" + i + "@example.com";
            assertThrows(NotAuthenticatedException.class, () -> signIn(email, "wrong-password!", HOME));
        }
        assertThrows(TooManyAttemptsException.class, () -> signIn("ada@example.com", Fixture.PASSWORD, HOME));
        assertEquals(ada.id(), signIn("ada@example.com", Fixture.PASSWORD, OFFICE).operator().id());
    }

    @Test
    void a_successful_sign_in_clears_the_email_s_failures() {
        for (int i = 0; i < 3; i++) {
            assertThrows(NotAuthenticatedException.class, () -> signIn("ada@example.com", "wrong-password!", HOME));
        }
        signIn("ada@example.com", Fixture.PASSWORD, OFFICE);
        for (int i = 0; i < 3; i++) {
            assertThrows(NotAuthenticatedException.class, () -> signIn("ada@example.com", "wrong-password!", OFFICE));
        }
        assertEquals(ada.id(), signIn("ada@example.com", Fixture.PASSWORD, OFFICE).operator().id());
    }

    @Test
    void the_store_keeps_only_hashes_of_the_session_id_and_csrf_token() {
        var session = signIn("ada@example.com", Fixture.PASSWORD, HOME);
        assertFalse(world.tx().storesText(session.sessionId().reveal()));
        assertFalse(world.tx().storesText(session.csrfToken().reveal()));
        var stored = world.tx().read(s -> s.sessions().find(world.hasher().hash(session.sessionId().reveal())));
        assertEquals(Optional.of(world.hasher().hash(session.csrfToken().reveal())), stored.map(SessionRecord::csrfHash));
        assertFalse(session.toString().contains(session.sessionId().reveal()));
    }
}
