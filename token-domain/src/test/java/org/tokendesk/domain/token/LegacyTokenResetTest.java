package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class LegacyTokenResetTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            new UsageRecorder(), world.clock());

    private ResetResult resetReadWrite() {
        world.clock().advance(Duration.ofMinutes(5));
        return service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
    }

    private CheckResult check(String token) {
        return check.check(sid.value(), token, "POST", "198.51.100.1");
    }

    @Test
    void the_old_token_fails_at_once_with_the_reset_time() {
        ResetResult result = resetReadWrite();
        CheckResult old = check(enabled.readWrite().reveal());
        assertEquals(new CheckResult.Reset(result.resetAt()), old);
        assertEquals(world.clock().instant(), result.resetAt());
    }

    @Test
    void the_new_token_passes() {
        ResetResult result = resetReadWrite();
        String fresh = result.authToken().reveal();
        assertTrue(fresh.startsWith("tdrw_") && AuthTokenFormat.isWellFormed(fresh));
        assertNotEquals(enabled.readWrite().reveal(), fresh);
        assertInstanceOf(CheckResult.Valid.class, check(fresh));
        assertEquals(sid, result.accountSid());
        assertEquals(TokenScope.READ_WRITE, result.scope());
    }

    @Test
    void a_history_row_keeps_the_old_token_as_a_hash() {
        ResetResult result = resetReadWrite();
        var history = world.tx().resetHistory();
        assertEquals(1, history.size());
        InvalidatedToken row = history.get(0);
        assertEquals(world.hasher().hash(enabled.readWrite().reveal()), row.hash());
        assertEquals(enabled.card().readWrite().hint(), row.hint());
        assertEquals(result.resetAt(), row.invalidatedAt());
        assertEquals("admin@example.com", row.invalidatedBy());
        assertEquals(TokenScope.READ_WRITE, row.scope());
        assertFalse(world.tx().storesText(enabled.readWrite().reveal()));
    }

    @Test
    void each_reset_keeps_its_own_history_row() {
        ResetResult first = resetReadWrite();
        ResetResult second = resetReadWrite();
        assertEquals(2, world.tx().resetHistory().size());
        assertEquals(new CheckResult.Reset(first.resetAt()), check(enabled.readWrite().reveal()));
        assertEquals(new CheckResult.Reset(second.resetAt()), check(first.authToken().reveal()));
        assertInstanceOf(CheckResult.Valid.class, check(second.authToken().reveal()));
    }

    @Test
    void the_reset_is_audited_with_scope_and_hints_but_no_secret() {
        ResetResult result = resetReadWrite();
        var events = world.tx().auditEvents();
        AuditEvent event = events.get(events.size() - 1);
        assertEquals(AuditAction.LEGACY_TOKEN_RESET, event.action());
        assertEquals(Map.of("scope", "read_write", "previousTokenHint", enabled.card().readWrite().hint(),
                "newTokenHint", result.authToken().hint()), event.details());
        for (AuditEvent any : events) {
            for (String value : any.details().values()) {
                assertFalse(value.contains(enabled.readWrite().reveal()) || value.contains(result.authToken().reveal())
                        || value.contains(enabled.readOnly().reveal()));
            }
        }
    }

    @Test
    void the_other_scope_is_untouched() {
        resetReadWrite();
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), enabled.readOnly().reveal(), "GET", "a"));
        LegacyTokenCard card = service.card(admin, sid);
        assertEquals(enabled.card().readOnly(), card.readOnly());
        assertNull(card.readOnly().lastResetAt());
    }

    @Test
    void the_card_shows_the_reset_and_the_new_hint() {
        ResetResult result = resetReadWrite();
        LegacyTokenCard card = service.card(admin, sid);
        assertEquals(result.resetAt(), card.readWrite().lastResetAt());
        assertEquals(result.authToken().hint(), card.readWrite().hint());
        assertEquals(enabled.card().readWrite().createdAt(), card.readWrite().createdAt());
    }

    @Test
    void resetting_the_read_only_token_gives_a_read_only_token() {
        ResetResult result = service.reset(admin, sid, TokenScope.READ_ONLY, Fixture.ORIGIN);
        assertTrue(result.authToken().reveal().startsWith("tdro_"));
        assertInstanceOf(CheckResult.ForbiddenMethod.class, check(result.authToken().reveal()));
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()));
    }

    @Test
    void with_redisplay_the_new_token_is_what_reveal_shows() {
        ResetResult result = resetReadWrite();
        assertEquals(result.authToken().reveal(), service.reveal(admin, sid, Fixture.ORIGIN).readWrite().reveal());
    }

    @Test
    void a_viewer_may_not_reset() {
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertThrows(PermissionDeniedException.class,
                () -> service.reset(viewer, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
        assertInstanceOf(CheckResult.Valid.class, check(enabled.readWrite().reveal()));
    }

    @Test
    void a_non_member_gets_not_found() {
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(NotFoundException.class,
                () -> service.reset(stranger, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));
    }

    @Test
    void without_a_card_reset_is_not_found() {
        AccountSid other = world.account("Other", admin);
        assertThrows(NotFoundException.class, () -> service.reset(admin, other, TokenScope.READ_WRITE, Fixture.ORIGIN));
    }
}
