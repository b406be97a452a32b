package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.UnprocessableException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class LegacyTokenApiVersionTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();

    private void enable() {
        service.enable(admin, sid, Fixture.ORIGIN);
    }

    private AuditEvent lastEvent() {
        var events = world.tx().auditEvents();
        return events.get(events.size() - 1);
    }

    @Test
    void an_admin_changes_the_version_and_the_card_shows_it() {
        enable();
        LegacyTokenCard card = service.changeApiVersion(admin, sid, "v11", Fixture.ORIGIN);
        assertEquals("v11", card.apiVersion());
        assertEquals("v11", service.card(admin, sid).apiVersion());
    }

    @Test
    void the_change_is_audited_with_from_and_to() {
        enable();
        service.changeApiVersion(admin, sid, "v12", Fixture.ORIGIN);
        AuditEvent event = lastEvent();
        assertEquals(AuditAction.LEGACY_TOKEN_API_VERSION_CHANGED, event.action());
        assertEquals(Map.of("from", "v13", "to", "v12"), event.details());
        assertEquals(sid, event.accountSid());
    }

    @Test
    void setting_the_current_version_again_records_no_event() {
        enable();
        int before = world.tx().auditEvents().size();
        assertEquals("v13", service.changeApiVersion(admin, sid, "v13", Fixture.ORIGIN).apiVersion());
        assertEquals(before, world.tx().auditEvents().size());
    }

    @Test
    void an_unknown_version_is_unprocessable_and_changes_nothing() {
        enable();
        var e = assertThrows(UnprocessableException.class,
                () -> service.changeApiVersion(admin, sid, "v99", Fixture.ORIGIN));
        assertEquals("apiVersion", e.errors().get(0).field());
        assertEquals("v13", service.card(admin, sid).apiVersion());
    }

    @Test
    void a_viewer_may_not_change_the_version() {
        enable();
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertThrows(PermissionDeniedException.class,
                () -> service.changeApiVersion(viewer, sid, "v11", Fixture.ORIGIN));
    }

    @Test
    void without_a_card_the_change_is_not_found() {
        assertThrows(NotFoundException.class, () -> service.changeApiVersion(admin, sid, "v11", Fixture.ORIGIN));
    }

    @Test
    void a_valid_token_reports_the_card_s_current_version() {
        EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
        service.changeApiVersion(admin, sid, "v11", Fixture.ORIGIN);
        var active = world.tx().read(s -> s.tokens().findActive(world.hasher().hash(enabled.readWrite().reveal())));
        assertEquals("v11", active.orElseThrow().apiVersion());
    }
}
