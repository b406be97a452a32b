package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class ResetHookTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            new UsageRecorder(), world.clock());

    private EnabledTokens enable(LegacyTokenService service) {
        return service.enable(admin, sid, Fixture.ORIGIN);
    }

    @Test
    void the_hook_runs_inside_the_transaction_after_the_replacement() {
        List<String> seen = new ArrayList<>();
        LegacyTokenService service = world.legacyTokens(true, (stores, reset) -> {
            assertTrue(world.tx().isWriting());
            seen.add(stores.tokens().lockToken(reset.accountSid(), reset.scope()).orElseThrow().hint());
            return 0;
        });
        enable(service);
        ResetResult result = service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertEquals(List.of(result.authToken().hint()), seen);
    }

    @Test
    void the_hook_learns_what_happened_without_a_secret() {
        List<TokenReset> seen = new ArrayList<>();
        LegacyTokenService service = world.legacyTokens(true, (stores, reset) -> {
            seen.add(reset);
            return 0;
        });
        EnabledTokens enabled = enable(service);
        ResetResult result = service.reset(admin, sid, TokenScope.READ_ONLY, Fixture.ORIGIN);
        assertEquals(List.of(new TokenReset(sid, TokenScope.READ_ONLY, result.resetAt(), "admin@example.com",
                enabled.card().readOnly().hint(), "v13", null)), seen);
    }

    @Test
    void the_number_of_queued_notices_is_returned() {
        LegacyTokenService service = world.legacyTokens(true, (stores, reset) -> 3);
        enable(service);
        assertEquals(3, service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN).noticesQueued());
    }

    @Test
    void what_the_hook_writes_commits_with_the_reset() {
        LegacyTokenService service = world.legacyTokens(true, (stores, reset) -> {
            stores.audit().append(new AuditEvent(0, reset.resetAt(), "system", AuditAction.NOTICE_REDELIVERED,
                    reset.accountSid(), "local", Map.of()));
            return 1;
        });
        enable(service);
        service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        var events = world.tx().auditEvents();
        assertEquals(AuditAction.NOTICE_REDELIVERED, events.get(events.size() - 1).action());
    }

    @Test
    void a_hook_that_throws_rolls_back_the_whole_reset() {
        var failure = new IllegalStateException("notice queue is full");
        LegacyTokenService service = world.legacyTokens(true, (stores, reset) -> {
            stores.audit().append(new AuditEvent(0, reset.resetAt(), "system", AuditAction.NOTICE_REDELIVERED,
                    reset.accountSid(), "local", Map.of()));
            throw failure;
        });
        EnabledTokens enabled = enable(service);
        int eventsBefore = world.tx().auditEvents().size();

        var thrown = assertThrows(IllegalStateException.class,
                () -> service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN));

        assertSame(failure, thrown);
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), enabled.readWrite().reveal(), "POST", "a"));
        assertEquals(List.of(), world.tx().resetHistory());
        assertEquals(eventsBefore, world.tx().auditEvents().size());
        LegacyTokenCard card = service.card(admin, sid);
        assertEquals(enabled.card(), card);
        assertNull(card.readWrite().lastResetAt());
    }
}
