package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class LegacyTokenRevealTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);

    @Test
    void an_admin_sees_both_tokens_again() {
        LegacyTokenService service = world.legacyTokens();
        EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
        Credentials credentials = service.reveal(admin, sid, Fixture.ORIGIN);
        assertEquals(sid, credentials.accountSid());
        assertEquals(enabled.readWrite().reveal(), credentials.readWrite().reveal());
        assertEquals(enabled.readOnly().reveal(), credentials.readOnly().reveal());
    }

    @Test
    void revealing_is_audited_without_secrets() {
        LegacyTokenService service = world.legacyTokens();
        service.enable(admin, sid, Fixture.ORIGIN);
        Credentials credentials = service.reveal(admin, sid, Fixture.ORIGIN);
        AuditEvent event = world.tx().auditEvents().get(1);
        assertEquals(AuditAction.LEGACY_TOKEN_REVEALED, event.action());
        assertEquals("legacy_token.revealed", event.action().wireName());
        assertEquals(Map.of(), event.details());
        assertFalse(world.tx().storesText(credentials.readWrite().reveal()));
    }

    @Test
    void a_viewer_may_not_reveal() {
        LegacyTokenService service = world.legacyTokens();
        service.enable(admin, sid, Fixture.ORIGIN);
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertThrows(PermissionDeniedException.class, () -> service.reveal(viewer, sid, Fixture.ORIGIN));
    }

    @Test
    void a_non_member_gets_not_found() {
        LegacyTokenService service = world.legacyTokens();
        service.enable(admin, sid, Fixture.ORIGIN);
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(NotFoundException.class, () -> service.reveal(stranger, sid, Fixture.ORIGIN));
    }

    @Test
    void with_redisplay_off_no_ciphertext_is_stored_and_reveal_is_a_conflict() {
        LegacyTokenService service = world.legacyTokens(false, ResetHook.NONE);
        service.enable(admin, sid, Fixture.ORIGIN);
        world.tx().read(s -> s.tokens().tokens(sid)).forEach(token -> assertNull(token.ciphertext()));
        assertThrows(ConflictException.class, () -> service.reveal(admin, sid, Fixture.ORIGIN));
        assertEquals(1, world.tx().auditEvents().size());
    }

    @Test
    void with_redisplay_on_ciphertext_is_stored() {
        world.legacyTokens().enable(admin, sid, Fixture.ORIGIN);
        world.tx().read(s -> s.tokens().tokens(sid)).forEach(token -> assertNotNull(token.ciphertext()));
    }

    @Test
    void tokens_created_while_redisplay_was_off_cannot_be_revealed_later() {
        world.legacyTokens(false, ResetHook.NONE).enable(admin, sid, Fixture.ORIGIN);
        LegacyTokenService turnedOn = world.legacyTokens(true, ResetHook.NONE);
        var e = assertThrows(ConflictException.class, () -> turnedOn.reveal(admin, sid, Fixture.ORIGIN));
        assertFalse(e.getMessage().contains("tdrw_"));
    }

    @Test
    void without_a_card_reveal_is_not_found() {
        assertThrows(NotFoundException.class, () -> world.legacyTokens().reveal(admin, sid, Fixture.ORIGIN));
    }
}
