package org.tokendesk.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class AccountServiceTest {

    private final Fixture world = new Fixture();
    private final AccountService service = new AccountService(world.tx(), world.random(), world.clock());
    private final Actor root = world.platformAdmin("root@example.com");

    private Account create(String name) {
        return service.create(root, name, Fixture.ORIGIN);
    }

    private void assertNameRefused(String name) {
        var e = assertThrows(ValidationException.class, () -> create(name));
        assertEquals("name", e.errors().get(0).field());
    }

    @Test
    void a_platform_admin_creates_an_account_and_becomes_its_admin() {
        Account account = create("  Acme Corp ");
        assertEquals("Acme Corp", account.name());
        assertTrue(AccountSid.parse(account.sid().value()).isPresent());
        assertFalse(account.legacyTokensEnabled());
        assertEquals(world.clock().instant(), account.createdAt());
        assertEquals(Role.ADMIN, service.roleOf(root, account.sid()));
        assertEquals(account, service.get(root, account.sid()));
    }

    @Test
    void creation_is_audited() {
        Account account = create("Acme");
        AuditEvent event = world.tx().auditEvents().get(0);
        assertEquals(AuditAction.ACCOUNT_CREATED, event.action());
        assertEquals(account.sid(), event.accountSid());
        assertEquals(Map.of("name", "Acme"), event.details());
    }

    @Test
    void an_operator_who_is_not_a_platform_admin_may_not_create_accounts() {
        Actor plain = world.operator("plain@example.com");
        assertThrows(PermissionDeniedException.class, () -> service.create(plain, "Acme", Fixture.ORIGIN));
        assertEquals(List.of(), service.list(plain));
    }

    @Test
    void blank_names_are_refused() {
        assertNameRefused(null);
        assertNameRefused("");
        assertNameRefused(" \t ");
    }

    @Test
    void names_longer_than_200_characters_are_refused() {
        assertEquals(200, create("n".repeat(200)).name().length());
        assertNameRefused("n".repeat(201));
    }

    @Test
    void names_with_control_characters_are_refused() {
        assertNameRefused("Acme\u0000Corp");
        assertNameRefused("Acme\nCorp");
        assertNameRefused("Acme\u007fCorp");
    }

    @Test
    void the_list_shows_only_accounts_the_operator_is_a_member_of() {
        Account first = create("First");
        Account second = create("Second");
        Actor viewer = world.operator("viewer@example.com");
        world.member(second.sid(), viewer, Role.VIEWER);
        assertEquals(List.of(second), service.list(viewer));
        assertEquals(List.of(first, second), service.list(root));
    }

    @Test
    void a_non_member_gets_not_found_even_as_platform_admin() {
        Account account = create("Acme");
        Actor stranger = world.operator("stranger@example.com");
        assertThrows(NotFoundException.class, () -> service.get(stranger, account.sid()));
        assertThrows(NotFoundException.class, () -> service.roleOf(stranger, account.sid()));
        Actor otherRoot = world.platformAdmin("root2@example.com");
        assertThrows(NotFoundException.class, () -> service.get(otherRoot, account.sid()));
    }

    @Test
    void a_viewer_gets_the_account_and_their_role() {
        Account account = create("Acme");
        Actor viewer = world.operator("viewer@example.com");
        world.member(account.sid(), viewer, Role.VIEWER);
        assertEquals(account, service.get(viewer, account.sid()));
        assertEquals(Role.VIEWER, service.roleOf(viewer, account.sid()));
    }
}
