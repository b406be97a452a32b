package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.testing.Fixture;

class OperatorServiceTest {

    private static final String GOOD = "a-long-enough-password";

    private final Fixture world = new Fixture();
    private final OperatorService service = new OperatorService(world.tx(), world.passwords(),
            new PasswordPolicy(Set.of("password1234")), world.clock());
    private final Actor root = world.platformAdmin("root@example.com");

    private Operator create(String email, String password, String name) {
        return service.create(root, new OperatorService.NewOperator(email, password, name, false), Fixture.ORIGIN);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(ValidationException.FieldError::field).toList();
    }

    @Test
    void a_platform_admin_creates_an_operator_with_a_normalized_email() {
        Operator bob = create(" Bob@Example.com ", GOOD, null);
        assertEquals("bob@example.com", bob.email());
        assertEquals("bob@example.com", bob.name());
        assertFalse(bob.platformAdmin());
        assertEquals(world.clock().instant(), bob.createdAt());
        assertTrue(world.tx().read(s -> s.operators().findByEmail("bob@example.com")).isPresent());
    }

    @Test
    void the_password_is_stored_only_as_its_hash() {
        Operator bob = create("bob@example.com", GOOD, "Bob");
        assertTrue(world.passwords().verify(GOOD.toCharArray(), bob.passwordHash()));
        assertFalse(world.tx().storesText(GOOD));
        assertFalse(bob.toString().contains(bob.passwordHash()));
    }

    @Test
    void creation_is_audited() {
        create("bob@example.com", GOOD, "Bob");
        AuditEvent event = world.tx().auditEvents().get(0);
        assertEquals(AuditAction.OPERATOR_CREATED, event.action());
        assertEquals("root@example.com", event.actor());
        assertEquals(Map.of("operator", "bob@example.com", "platformAdmin", "false"), event.details());
    }

    @Test
    void an_operator_who_is_not_a_platform_admin_may_not_create_operators() {
        Actor plain = world.operator("plain@example.com");
        assertThrows(PermissionDeniedException.class, () -> service.create(plain,
                new OperatorService.NewOperator("bob@example.com", GOOD, null, false), Fixture.ORIGIN));
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        var e = assertThrows(ValidationException.class, () -> create("not-an-email", "short", "x\u0000y"));
        assertEquals(List.of("email", "password", "name"), fields(e));
        assertEquals("3 fields are invalid", e.getMessage());
    }

    @Test
    void a_common_password_is_refused() {
        var e = assertThrows(ValidationException.class, () -> create("bob@example.com", "Password1234", null));
        assertEquals(List.of("password"), fields(e));
    }

    @Test
    void the_password_needs_the_minimum_length() {
        assertThrows(ValidationException.class, () -> create("bob@example.com", "x".repeat(11), null));
        assertEquals("bob@example.com", create("bob@example.com", "x".repeat(12), null).email());
    }

    @Test
    void a_name_longer_than_200_characters_is_refused() {
        var e = assertThrows(ValidationException.class, () -> create("bob@example.com", GOOD, "n".repeat(201)));
        assertEquals(List.of("name"), fields(e));
    }

    @Test
    void a_second_operator_with_the_same_email_is_a_conflict() {
        create("bob@example.com", GOOD, null);
        assertThrows(ConflictException.class, () -> create("BOB@example.com", GOOD, null));
        assertEquals(2L, (long) world.tx().read(s -> s.operators().count()));
    }

    @Test
    void the_command_line_creates_operators_as_the_system() {
        Operator admin = service.createFromCommandLine(new OperatorService.NewOperator("ops@example.com", GOOD, "Ops", true));
        assertTrue(admin.platformAdmin());
        assertEquals("system", world.tx().auditEvents().get(0).actor());
    }

    @Test
    void new_operator_to_string_masks_the_password() {
        var request = new OperatorService.NewOperator("bob@example.com", GOOD, "Bob", false);
        assertFalse(request.toString().contains(GOOD));
        assertTrue(request.toString().contains("masked"));
    }
}
