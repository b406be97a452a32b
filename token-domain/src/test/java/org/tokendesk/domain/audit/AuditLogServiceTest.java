package org.tokendesk.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class AuditLogServiceTest {

    private final Fixture world = new Fixture();
    private final AuditLogService service = new AuditLogService(world.tx());
    private final AuditTrail trail = new AuditTrail(world.clock());
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);

    private void record(AccountSid account, int times) {
        for (int i = 0; i < times; i++) {
            world.tx().write(s -> {
                trail.record(s.audit(), admin, Fixture.ORIGIN, AuditAction.MEMBER_CHANGED, account, Map.of());
                return null;
            });
        }
    }

    private static List<Long> ids(AuditLogService.Page page) {
        return page.events().stream().map(AuditEvent::id).toList();
    }

    @Test
    void pages_run_newest_first_with_a_cursor_to_the_next() {
        record(sid, 5);
        AuditLogService.Page first = service.page(admin, sid, null, 2);
        assertEquals(List.of(5L, 4L), ids(first));
        assertEquals(4L, first.next());
        AuditLogService.Page second = service.page(admin, sid, first.next(), 2);
        assertEquals(List.of(3L, 2L), ids(second));
        AuditLogService.Page last = service.page(admin, sid, second.next(), 2);
        assertEquals(List.of(1L), ids(last));
        assertNull(last.next());
    }

    @Test
    void a_page_that_ends_exactly_at_the_last_event_has_no_next() {
        record(sid, 4);
        AuditLogService.Page second = service.page(admin, sid, service.page(admin, sid, null, 2).next(), 2);
        assertEquals(List.of(2L, 1L), ids(second));
        assertNull(second.next());
    }

    @Test
    void other_accounts_events_are_not_shown() {
        AccountSid other = world.account("Other", admin);
        record(other, 2);
        record(sid, 1);
        assertEquals(List.of(3L), ids(service.page(admin, sid, null, 10)));
    }

    @Test
    void events_carry_actor_origin_and_time() {
        record(sid, 1);
        AuditEvent event = service.page(admin, sid, null, 1).events().get(0);
        assertEquals("admin@example.com", event.actor());
        assertEquals(Fixture.ORIGIN.ip(), event.ip());
        assertEquals(world.clock().instant(), event.at());
    }

    @Test
    void the_limit_must_be_between_1_and_200() {
        record(sid, 1);
        for (int bad : new int[] {0, -1, 201}) {
            var e = assertThrows(ValidationException.class, () -> service.page(admin, sid, null, bad));
            assertEquals("limit", e.errors().get(0).field());
        }
        assertEquals(1, service.page(admin, sid, null, 1).events().size());
        assertEquals(1, service.page(admin, sid, null, 200).events().size());
    }

    @Test
    void viewers_may_read_the_log() {
        record(sid, 1);
        Actor viewer = world.operator("viewer@example.com");
        world.member(sid, viewer, Role.VIEWER);
        assertEquals(1, service.page(viewer, sid, null, 10).events().size());
    }

    @Test
    void non_members_get_not_found_even_as_platform_admin() {
        record(sid, 1);
        Actor stranger = world.platformAdmin("root@example.com");
        assertThrows(NotFoundException.class, () -> service.page(stranger, sid, null, 10));
    }

    @Test
    void events_without_an_actor_are_recorded_as_system() {
        world.tx().write(s -> {
            trail.record(s.audit(), null, Fixture.ORIGIN, AuditAction.NOTICE_REDELIVERED, sid, Map.of());
            return null;
        });
        assertEquals("system", service.page(admin, sid, null, 1).events().get(0).actor());
    }
}
