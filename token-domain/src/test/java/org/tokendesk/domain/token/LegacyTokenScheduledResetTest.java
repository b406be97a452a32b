package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.tx.Stores;

class LegacyTokenScheduledResetTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** Records what the hook is told, in order. */
    private static final class RecordingHook implements ResetHook {
        final List<String> calls = new ArrayList<>();
        final List<TokenReset> seen = new ArrayList<>();

        @Override
        public int afterReset(Stores stores, TokenReset reset) {
            calls.add("reset");
            seen.add(reset);
            return 2;
        }

        @Override
        public int afterScheduled(Stores stores, TokenReset planned) {
            calls.add("scheduled");
            seen.add(planned);
            return 3;
        }

        @Override
        public int afterScheduleCancelled(Stores stores, TokenReset cancelled) {
            calls.add("cancelled");
            seen.add(cancelled);
            return 1;
        }
    }

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final RecordingHook hook = new RecordingHook();
    private final LegacyTokenService service = world.legacyTokens(true, hook);
    private final ScheduledResetRunner runner = new ScheduledResetRunner(service, Duration.ofSeconds(1));
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            new UsageRecorder(), world.clock());

    private Instant inDays(int days) {
        return world.clock().instant().plus(Duration.ofDays(days));
    }

    private List<AuditEvent> events(AuditAction action) {
        return world.tx().auditEvents().stream().filter(e -> e.action() == action).toList();
    }

    private CheckResult check(String token) {
        return check.check(sid.value(), token, "POST", "198.51.100.1");
    }

    private ScheduledResetResult schedule(Instant at, Duration grace) {
        return service.scheduleReset(admin, sid, TokenScope.READ_WRITE, at, grace, Fixture.ORIGIN);
    }

    @Test
    void scheduling_changes_no_token_and_shows_on_the_card_and_in_the_audit_log() {
        Instant at = inDays(3);
        ScheduledResetResult result = schedule(at, HOUR);

        assertEquals(new ScheduledResetResult(sid, TokenScope.READ_WRITE, at, at.plus(HOUR), 3), result);
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()));
        assertEquals(List.of(), world.tx().resetHistory());
        LegacyTokenCard card = service.card(admin, sid);
        assertEquals(at, card.readWrite().scheduledResetAt());
        assertNull(card.readOnly().scheduledResetAt());
        AuditEvent event = events(AuditAction.LEGACY_TOKEN_RESET_SCHEDULED).get(0);
        assertEquals("admin@example.com", event.actor());
        assertEquals(Map.of("scope", "read_write", "at", at.toString(), "oldTokenValidFor", "PT1H"), event.details());
        assertEquals(List.of("scheduled"), hook.calls);
        TokenReset planned = hook.seen.get(0);
        assertEquals(new TokenReset(sid, TokenScope.READ_WRITE, at, "admin@example.com", card.readWrite().hint(), "v13",
                at.plus(HOUR)), planned);
    }

    @Test
    void nothing_runs_before_the_time_and_at_the_time_the_reset_runs_once_as_tokendesk() {
        Instant at = inDays(1);
        schedule(at, Duration.ZERO);
        world.clock().set(at.minusMillis(1));
        assertEquals(0, runner.runOnce());
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()));

        world.clock().set(at);
        assertEquals(1, runner.runOnce());
        assertEquals(0, runner.runOnce());

        assertInstanceOf(CheckResult.Reset.class, check(enabled.readWrite().reveal()));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), enabled.readOnly().reveal(), "GET",
                "198.51.100.1"), "the other scope is untouched");
        assertEquals(1, world.tx().resetHistory().size());
        InvalidatedToken history = world.tx().resetHistory().get(0);
        assertEquals(at, history.invalidatedAt());
        assertEquals("admin@example.com", history.invalidatedBy());
        AuditEvent event = events(AuditAction.LEGACY_TOKEN_RESET).get(0);
        assertEquals("system", event.actor());
        assertEquals("admin@example.com", event.details().get("scheduledBy"));
        assertEquals(at.toString(), event.details().get("scheduledFor"));
        assertEquals(List.of("scheduled", "reset"), hook.calls);
        assertNull(service.card(admin, sid).readWrite().scheduledResetAt());
        assertEquals(at, service.card(admin, sid).readWrite().lastResetAt());
        // the new token can be revealed (scheduling needs re-display for exactly this)
        String fresh = service.reveal(admin, sid, Fixture.ORIGIN).readWrite().reveal();
        assertInstanceOf(CheckResult.Valid.class, check(fresh));
    }

    @Test
    void a_late_run_resets_when_it_runs_and_gives_the_chosen_grace_from_then() {
        Instant at = inDays(1);
        schedule(at, HOUR);
        Instant late = at.plus(Duration.ofMinutes(7));
        world.clock().set(late);

        assertEquals(1, runner.runOnce());

        InvalidatedToken history = world.tx().resetHistory().get(0);
        assertEquals(late, history.invalidatedAt());
        assertEquals(late.plus(HOUR), history.validUntil());
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()), "grace period");
        world.clock().set(late.plus(HOUR));
        assertInstanceOf(CheckResult.Reset.class, check(enabled.readWrite().reveal()));
    }

    @Test
    void every_due_reset_runs_in_one_pass_oldest_first() {
        AccountSid other = world.account("Other", admin);
        service.enable(admin, other, Fixture.ORIGIN);
        Instant at = inDays(1);
        service.scheduleReset(admin, other, TokenScope.READ_ONLY, at.plusSeconds(5), Duration.ZERO, Fixture.ORIGIN);
        schedule(at, Duration.ZERO);
        service.scheduleReset(admin, sid, TokenScope.READ_ONLY, inDays(2), Duration.ZERO, Fixture.ORIGIN);
        world.clock().set(at.plusSeconds(10));

        assertEquals(2, runner.runOnce());

        assertEquals(List.of(sid, other), world.tx().resetHistory().stream().map(InvalidatedToken::accountSid).toList());
        assertEquals(1, world.tx().scheduledResets().size(), "the one due later stays pending");
    }

    @Test
    void a_failed_run_rolls_back_and_stays_pending() {
        Instant at = inDays(1);
        schedule(at, Duration.ZERO);
        world.clock().set(at);
        world.tx().failNextCall(new org.tokendesk.domain.common.StoreUnavailableException("database went away", null));

        assertThrows(org.tokendesk.domain.common.StoreUnavailableException.class, runner::runOnce);
        assertEquals(1, world.tx().scheduledResets().size());
        assertEquals(List.of(), world.tx().resetHistory());

        assertEquals(1, runner.runOnce());
        assertEquals(1, world.tx().resetHistory().size());
    }

    @Test
    void the_time_must_lie_ahead_and_within_ninety_days() {
        Instant now = world.clock().instant();
        for (Instant wrong : List.of(now, now.minusSeconds(1), now.plus(Duration.ofDays(90)).plusMillis(1))) {
            ValidationException e = assertThrows(ValidationException.class, () -> schedule(wrong, Duration.ZERO));
            assertEquals("at", e.errors().get(0).field());
        }
        schedule(now.plus(Duration.ofDays(90)), Duration.ZERO);
        assertEquals(1, world.tx().scheduledResets().size());
    }

    @Test
    void the_grace_period_is_checked_like_a_reset_now() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> schedule(inDays(1), Duration.ofDays(7).plusSeconds(1)));
        assertEquals("oldTokenValidFor", e.errors().get(0).field());
        assertEquals(List.of(), world.tx().scheduledResets());
    }

    @Test
    void one_pending_reset_per_scope() {
        Instant first = inDays(1);
        schedule(first, Duration.ZERO);
        ConflictException e = assertThrows(ConflictException.class, () -> schedule(inDays(2), Duration.ZERO));
        assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
        service.scheduleReset(admin, sid, TokenScope.READ_ONLY, inDays(2), Duration.ZERO, Fixture.ORIGIN);
        assertEquals(2, world.tx().scheduledResets().size());
    }

    @Test
    void without_re_display_nobody_could_see_the_new_token_so_scheduling_is_refused() {
        LegacyTokenService noRedisplay = world.legacyTokens(false, hook);
        AccountSid other = world.account("Other", admin);
        noRedisplay.enable(admin, other, Fixture.ORIGIN);
        assertThrows(ConflictException.class, () -> noRedisplay.scheduleReset(admin, other, TokenScope.READ_WRITE,
                inDays(1), Duration.ZERO, Fixture.ORIGIN));
        assertEquals(List.of(), world.tx().scheduledResets());
    }

    @Test
    void only_admins_schedule_and_cancel() {
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(PermissionDeniedException.class, () -> service.scheduleReset(viewer, sid, TokenScope.READ_WRITE,
                inDays(1), Duration.ZERO, Fixture.ORIGIN));
        assertThrows(NotFoundException.class, () -> service.scheduleReset(stranger, sid, TokenScope.READ_WRITE,
                inDays(1), Duration.ZERO, Fixture.ORIGIN));
        schedule(inDays(1), Duration.ZERO);
        assertThrows(PermissionDeniedException.class,
                () -> service.cancelScheduledReset(viewer, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
        assertThrows(NotFoundException.class,
                () -> service.cancelScheduledReset(stranger, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
        assertEquals(1, world.tx().scheduledResets().size());
    }

    @Test
    void a_cancelled_reset_never_runs_and_a_second_cancel_finds_nothing() {
        Instant at = inDays(1);
        schedule(at, Duration.ZERO);
        LegacyTokenCard card = service.cancelScheduledReset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertNull(card.readWrite().scheduledResetAt());
        assertThrows(NotFoundException.class,
                () -> service.cancelScheduledReset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
        world.clock().set(at.plusSeconds(1));
        assertEquals(0, runner.runOnce());
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()));
        AuditEvent event = events(AuditAction.LEGACY_TOKEN_SCHEDULED_RESET_CANCELLED).get(0);
        assertEquals("admin@example.com", event.actor());
        assertEquals(Map.of("scope", "read_write", "at", at.toString(), "scheduledBy", "admin@example.com"),
                event.details());
        assertEquals(List.of("scheduled", "cancelled"), hook.calls);
        assertEquals(at, hook.seen.get(1).resetAt());
        assertNull(hook.seen.get(1).oldTokenValidUntil());
    }

    @Test
    void a_reset_now_supersedes_the_scheduled_one_and_says_so() {
        Instant at = inDays(1);
        schedule(at, Duration.ZERO);
        service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);

        assertEquals(List.of(), world.tx().scheduledResets());
        assertEquals(List.of("scheduled", "cancelled", "reset"), hook.calls);
        assertEquals("superseded by a reset",
                events(AuditAction.LEGACY_TOKEN_SCHEDULED_RESET_CANCELLED).get(0).details().get("reason"));
        world.clock().set(at);
        assertEquals(0, runner.runOnce());
        assertEquals(1, world.tx().resetHistory().size());
    }

    @Test
    void a_reset_of_the_other_scope_leaves_the_schedule_alone() {
        schedule(inDays(1), Duration.ZERO);
        service.reset(admin, sid, TokenScope.READ_ONLY, Fixture.ORIGIN);
        assertEquals(1, world.tx().scheduledResets().size());
        assertFalse(hook.calls.contains("cancelled"));
    }

    @Test
    void nothing_secret_is_stored_with_the_schedule() {
        schedule(inDays(1), HOUR);
        assertFalse(world.tx().storesText(enabled.readWrite().reveal()));
    }
}
