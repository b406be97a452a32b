package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class LegacyTokenGraceTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final List<TokenReset> hooked = new java.util.ArrayList<>();
    private final LegacyTokenService service = world.legacyTokens(true, (s, reset) -> {
        hooked.add(reset);
        return 0;
    });
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final CheckFailureLimiter limiter = new CheckFailureLimiter(3);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), limiter,
            new UsageRecorder(), world.clock());

    private CheckResult checkOld(String method) {
        return check.check(sid.value(), enabled.readWrite().reveal(), method, "198.51.100.1");
    }

    private List<AuditEvent> events(AuditAction action) {
        return world.tx().auditEvents().stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void the_old_token_passes_until_the_grace_end_and_fails_at_it() {
        ResetResult reset = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        assertEquals(reset.resetAt().plus(HOUR), reset.oldTokenValidUntil());
        CheckResult during = checkOld("POST");
        assertEquals(new CheckResult.Valid(new ActiveCredential(sid, TokenScope.READ_WRITE, "v13")), during);
        world.clock().advance(HOUR.minusMillis(1));
        assertInstanceOf(CheckResult.Valid.class, checkOld("POST"));
        world.clock().advance(Duration.ofMillis(1));
        assertEquals(new CheckResult.Reset(reset.resetAt()), checkOld("POST"));
        assertInstanceOf(CheckResult.Valid.class,
                check.check(sid.value(), reset.authToken().reveal(), "POST", "198.51.100.1"));
    }

    @Test
    void checks_with_a_token_in_its_grace_period_never_count_as_failures() {
        service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(CheckResult.Valid.class, checkOld("GET"));
        }
        assertEquals(java.util.Optional.empty(), limiter.blockedFor("ip:198.51.100.1", world.clock().instant()));
        assertEquals(java.util.Optional.empty(), limiter.blockedFor("sid:" + sid.value(), world.clock().instant()));
    }

    @Test
    void an_old_read_only_token_in_its_grace_period_still_may_not_write() {
        service.reset(admin, sid, TokenScope.READ_ONLY, HOUR, Fixture.ORIGIN);
        CheckResult result = check.check(sid.value(), enabled.readOnly().reveal(), "POST", "198.51.100.1");
        assertEquals(new CheckResult.ForbiddenMethod(new ActiveCredential(sid, TokenScope.READ_ONLY, "v13")), result);
        assertInstanceOf(CheckResult.Valid.class,
                check.check(sid.value(), enabled.readOnly().reveal(), "GET", "198.51.100.1"));
    }

    @Test
    void a_reset_without_grace_keeps_its_old_meaning() {
        ResetResult reset = service.reset(admin, sid, TokenScope.READ_WRITE, Duration.ZERO, Fixture.ORIGIN);
        assertNull(reset.oldTokenValidUntil());
        assertEquals(new CheckResult.Reset(reset.resetAt()), checkOld("GET"));
        assertNull(service.card(admin, sid).readWrite().oldTokenValidUntil());
        assertNull(world.tx().resetHistory().get(0).validUntil());
        assertEquals(3, events(AuditAction.LEGACY_TOKEN_RESET).get(0).details().size());
    }

    @Test
    void grace_periods_outside_zero_to_seven_days_are_refused() {
        for (Duration wrong : List.of(Duration.ofSeconds(-1), Duration.ofDays(7).plusMillis(1))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> service.reset(admin, sid, TokenScope.READ_WRITE, wrong, Fixture.ORIGIN));
            assertEquals("oldTokenValidFor", e.errors().get(0).field());
        }
        assertEquals(List.of(), world.tx().resetHistory());
        service.reset(admin, sid, TokenScope.READ_WRITE, Duration.ofDays(7), Fixture.ORIGIN);
        assertInstanceOf(CheckResult.Valid.class, checkOld("GET"));
    }

    @Test
    void the_card_the_audit_event_and_the_notices_say_until_when_the_old_token_works() {
        ResetResult reset = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        LegacyTokenCard card = service.card(admin, sid);
        assertEquals(reset.oldTokenValidUntil(), card.readWrite().oldTokenValidUntil());
        assertNull(card.readOnly().oldTokenValidUntil());
        assertEquals(reset.oldTokenValidUntil().toString(),
                events(AuditAction.LEGACY_TOKEN_RESET).get(0).details().get("oldTokenValidUntil"));
        assertEquals(reset.oldTokenValidUntil(), hooked.get(0).oldTokenValidUntil());
        world.clock().advance(HOUR);
        assertNull(service.card(admin, sid).readWrite().oldTokenValidUntil());
    }

    @Test
    void a_second_reset_ends_the_earlier_grace_at_once() {
        ResetResult first = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        world.clock().advance(Duration.ofMinutes(1));
        ResetResult second = service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertEquals(new CheckResult.Reset(first.resetAt()), checkOld("GET"));
        assertEquals(new CheckResult.Reset(second.resetAt()),
                check.check(sid.value(), first.authToken().reveal(), "GET", "198.51.100.1"));
        assertNull(service.card(admin, sid).readWrite().oldTokenValidUntil());
    }

    @Test
    void a_second_reset_with_grace_lets_only_the_token_it_replaced_pass() {
        service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        ResetResult second = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        assertInstanceOf(CheckResult.Reset.class, checkOld("GET"));
        assertInstanceOf(CheckResult.Valid.class,
                check.check(sid.value(), second.authToken().reveal(), "GET", "198.51.100.1"));
        assertEquals(second.oldTokenValidUntil(), service.card(admin, sid).readWrite().oldTokenValidUntil());
    }

    @Test
    void end_grace_stops_the_old_token_now_and_is_audited_once() {
        ResetResult reset = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        world.clock().advance(Duration.ofMinutes(10));
        LegacyTokenCard card = service.endGrace(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertNull(card.readWrite().oldTokenValidUntil());
        assertEquals(new CheckResult.Reset(reset.resetAt()), checkOld("GET"));
        assertEquals(world.clock().instant(), world.tx().resetHistory().get(0).validUntil());
        service.endGrace(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        List<AuditEvent> ended = events(AuditAction.LEGACY_TOKEN_GRACE_ENDED);
        assertEquals(1, ended.size());
        assertEquals(Map.of("scope", "read_write"), ended.get(0).details());
    }

    @Test
    void end_grace_of_the_other_scope_leaves_this_one_running() {
        ResetResult reset = service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        service.endGrace(admin, sid, TokenScope.READ_ONLY, Fixture.ORIGIN);
        assertInstanceOf(CheckResult.Valid.class, checkOld("GET"));
        assertEquals(List.of(), events(AuditAction.LEGACY_TOKEN_GRACE_ENDED));
        Instant until = service.card(admin, sid).readWrite().oldTokenValidUntil();
        assertEquals(reset.oldTokenValidUntil(), until);
    }

    @Test
    void a_viewer_may_not_end_a_grace_period() {
        service.reset(admin, sid, TokenScope.READ_WRITE, HOUR, Fixture.ORIGIN);
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertThrows(PermissionDeniedException.class,
                () -> service.endGrace(viewer, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
        assertInstanceOf(CheckResult.Valid.class, checkOld("GET"));
    }
}
