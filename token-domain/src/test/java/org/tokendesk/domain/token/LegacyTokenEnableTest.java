package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class LegacyTokenEnableTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();

    private EnabledTokens enable() {
        return service.enable(admin, sid, Fixture.ORIGIN);
    }

    @Test
    void an_admin_enables_two_different_generated_tokens() {
        EnabledTokens enabled = enable();
        String rw = enabled.readWrite().reveal();
        String ro = enabled.readOnly().reveal();
        assertTrue(rw.startsWith("tdrw_") && AuthTokenFormat.isWellFormed(rw));
        assertTrue(ro.startsWith("tdro_") && AuthTokenFormat.isWellFormed(ro));
        assertNotEquals(rw, ro);
    }

    @Test
    void the_card_shows_hints_of_the_last_four_characters_and_no_reset() {
        EnabledTokens enabled = enable();
        LegacyTokenCard card = enabled.card();
        String rw = enabled.readWrite().reveal();
        String ro = enabled.readOnly().reveal();
        assertEquals("…" + rw.substring(rw.length() - 4), card.readWrite().hint());
        assertEquals("…" + ro.substring(ro.length() - 4), card.readOnly().hint());
        assertEquals(world.clock().instant(), card.createdAt());
        assertEquals(world.clock().instant(), card.readWrite().createdAt());
        assertEquals(world.clock().instant(), card.readOnly().createdAt());
        assertNull(card.readWrite().lastResetAt());
        assertNull(card.readOnly().lastUsedAt());
    }

    @Test
    void the_card_is_legacy_bound_to_the_default_api_version() {
        LegacyTokenCard card = enable().card();
        assertEquals(sid, card.accountSid());
        assertTrue(card.legacy());
        assertEquals("v13", card.apiVersion());
        assertEquals(List.of("v11", "v12", "v13"), card.availableApiVersions());
    }

    @Test
    void enabling_is_audited_without_secrets() {
        EnabledTokens enabled = enable();
        AuditEvent event = world.tx().auditEvents().get(0);
        assertEquals(AuditAction.LEGACY_TOKEN_ENABLED, event.action());
        assertEquals(sid, event.accountSid());
        assertEquals("admin@example.com", event.actor());
        assertEquals(Fixture.ORIGIN.ip(), event.ip());
        assertEquals(Map.of("apiVersion", "v13"), event.details());
        assertFalse(event.toString().contains(enabled.readWrite().reveal()));
    }

    @Test
    void the_tokens_are_stored_only_as_hash_and_ciphertext() {
        EnabledTokens enabled = enable();
        assertFalse(world.tx().storesText(enabled.readWrite().reveal()));
        assertFalse(world.tx().storesText(enabled.readOnly().reveal()));
    }

    @Test
    void a_viewer_may_not_enable() {
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertThrows(PermissionDeniedException.class, () -> service.enable(viewer, sid, Fixture.ORIGIN));
        assertTrue(world.tx().read(s -> s.tokens().findCard(sid)).isEmpty());
    }

    @Test
    void a_non_member_gets_not_found() {
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(NotFoundException.class, () -> service.enable(stranger, sid, Fixture.ORIGIN));
    }

    @Test
    void enabling_twice_is_a_conflict_and_keeps_the_first_tokens() {
        EnabledTokens first = enable();
        assertThrows(ConflictException.class, this::enable);
        assertEquals(first.card(), service.card(admin, sid));
        assertEquals(1, world.tx().auditEvents().size());
    }

    @Test
    void every_member_including_a_viewer_sees_the_card() {
        EnabledTokens enabled = enable();
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertEquals(enabled.card(), service.card(viewer, sid));
        assertEquals(enabled.card(), service.card(admin, sid));
    }

    @Test
    void a_non_member_does_not_see_the_card() {
        enable();
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(NotFoundException.class, () -> service.card(stranger, sid));
    }

    @Test
    void the_card_of_an_account_without_legacy_tokens_is_not_found() {
        assertThrows(NotFoundException.class, () -> service.card(admin, sid));
    }
}
