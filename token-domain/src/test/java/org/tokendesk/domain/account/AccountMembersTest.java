package org.tokendesk.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class AccountMembersTest {

    private final Fixture world = new Fixture();
    private final AccountService service = new AccountService(world.tx(), world.random(), world.clock());
    private final Actor admin = world.operator("admin@example.com");
    private final Actor bob = world.operator("bob@example.com");
    private final AccountSid sid = world.account("Acme", admin);

    private Optional<Role> roleOf(Actor who) {
        return world.tx().read(s -> s.accounts().role(sid, who.operatorId()));
    }

    private AuditEvent lastEvent() {
        var events = world.tx().auditEvents();
        return events.get(events.size() - 1);
    }

    @Test
    void an_account_admin_adds_a_member_by_email() {
        Membership membership = service.putMember(admin, sid, " BOB@example.com ", Role.VIEWER, Fixture.ORIGIN);
        assertEquals(new Membership(sid, bob.operatorId(), Role.VIEWER), membership);
        assertEquals(Optional.of(Role.VIEWER), roleOf(bob));
        assertEquals(AuditAction.MEMBER_CHANGED, lastEvent().action());
        assertEquals(Map.of("member", "bob@example.com", "role", "viewer", "previousRole", "none"),
                lastEvent().details());
    }

    @Test
    void a_platform_admin_who_is_not_a_member_may_manage_members() {
        Actor root = world.platformAdmin("root@example.com");
        service.putMember(root, sid, "bob@example.com", Role.ADMIN, Fixture.ORIGIN);
        assertEquals(Optional.of(Role.ADMIN), roleOf(bob));
        assertEquals("root@example.com", lastEvent().actor());
        service.removeMember(root, sid, "bob@example.com", Fixture.ORIGIN);
        assertEquals(Optional.empty(), roleOf(bob));
    }

    @Test
    void a_platform_admin_gets_not_found_for_an_unknown_account() {
        Actor root = world.platformAdmin("root@example.com");
        AccountSid unknown = AccountSid.generate(world.random());
        assertThrows(NotFoundException.class,
                () -> service.putMember(root, unknown, "bob@example.com", Role.VIEWER, Fixture.ORIGIN));
    }

    @Test
    void a_viewer_may_not_manage_members() {
        world.member(sid, bob, Role.VIEWER);
        Actor carol = world.operator("carol@example.com");
        assertThrows(PermissionDeniedException.class,
                () -> service.putMember(bob, sid, "carol@example.com", Role.VIEWER, Fixture.ORIGIN));
        assertThrows(PermissionDeniedException.class,
                () -> service.removeMember(bob, sid, "admin@example.com", Fixture.ORIGIN));
        assertEquals(Optional.empty(), roleOf(carol));
    }

    @Test
    void a_non_member_gets_not_found() {
        assertThrows(NotFoundException.class,
                () -> service.putMember(bob, sid, "bob@example.com", Role.ADMIN, Fixture.ORIGIN));
    }

    @Test
    void putting_the_same_role_twice_changes_nothing() {
        Membership first = service.putMember(admin, sid, "bob@example.com", Role.VIEWER, Fixture.ORIGIN);
        Membership second = service.putMember(admin, sid, "bob@example.com", Role.VIEWER, Fixture.ORIGIN);
        assertEquals(first, second);
        assertEquals(Optional.of(Role.VIEWER), roleOf(bob));
        assertEquals(1L, (long) world.tx().read(s -> s.accounts().countAdmins(sid)));
    }

    @Test
    void a_member_s_role_can_be_changed() {
        service.putMember(admin, sid, "bob@example.com", Role.VIEWER, Fixture.ORIGIN);
        service.putMember(admin, sid, "bob@example.com", Role.ADMIN, Fixture.ORIGIN);
        assertEquals(Optional.of(Role.ADMIN), roleOf(bob));
        assertEquals("viewer", lastEvent().details().get("previousRole"));
    }

    @Test
    void the_last_admin_cannot_be_made_a_viewer() {
        assertThrows(ConflictException.class,
                () -> service.putMember(admin, sid, "admin@example.com", Role.VIEWER, Fixture.ORIGIN));
        assertEquals(Optional.of(Role.ADMIN), roleOf(admin));
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        assertThrows(ConflictException.class,
                () -> service.removeMember(admin, sid, "admin@example.com", Fixture.ORIGIN));
        assertEquals(Optional.of(Role.ADMIN), roleOf(admin));
    }

    @Test
    void an_admin_can_step_down_when_another_admin_remains() {
        world.member(sid, bob, Role.ADMIN);
        service.putMember(admin, sid, "admin@example.com", Role.VIEWER, Fixture.ORIGIN);
        assertEquals(Optional.of(Role.VIEWER), roleOf(admin));
    }

    @Test
    void a_member_is_removed_and_the_removal_audited() {
        world.member(sid, bob, Role.VIEWER);
        service.removeMember(admin, sid, "bob@example.com", Fixture.ORIGIN);
        assertEquals(Optional.empty(), roleOf(bob));
        assertEquals(AuditAction.MEMBER_REMOVED, lastEvent().action());
        assertEquals(Map.of("member", "bob@example.com"), lastEvent().details());
    }

    @Test
    void removing_someone_who_is_not_a_member_is_not_found() {
        assertThrows(NotFoundException.class, () -> service.removeMember(admin, sid, "bob@example.com", Fixture.ORIGIN));
    }

    @Test
    void unknown_and_malformed_emails_are_refused() {
        assertThrows(NotFoundException.class,
                () -> service.putMember(admin, sid, "nobody@example.com", Role.VIEWER, Fixture.ORIGIN));
        var e = assertThrows(ValidationException.class,
                () -> service.putMember(admin, sid, "not an email", Role.VIEWER, Fixture.ORIGIN));
        assertEquals("email", e.errors().get(0).field());
    }
}
