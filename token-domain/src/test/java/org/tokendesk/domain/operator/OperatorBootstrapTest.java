package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.testing.Fixture;

class OperatorBootstrapTest {

    private static final String GOOD = "a-long-enough-password";

    private final Fixture world = new Fixture();
    private final OperatorService service = new OperatorService(world.tx(), world.passwords(),
            new PasswordPolicy(Set.of()), world.clock());

    @Test
    void the_first_operator_is_created_as_platform_admin() {
        assertTrue(service.bootstrap("Admin@Example.com", GOOD));
        Operator admin = world.tx().read(s -> s.operators().findByEmail("admin@example.com")).orElseThrow();
        assertTrue(admin.platformAdmin());
        assertEquals("Administrator", admin.name());
        assertTrue(world.passwords().verify(GOOD.toCharArray(), admin.passwordHash()));
    }

    @Test
    void bootstrap_does_nothing_once_an_operator_exists() {
        assertTrue(service.bootstrap("admin@example.com", GOOD));
        assertFalse(service.bootstrap("other@example.com", GOOD));
        assertTrue(world.tx().read(s -> s.operators().findByEmail("other@example.com")).isEmpty());
    }

    @Test
    void bootstrap_does_nothing_when_a_plain_operator_exists() {
        world.insertOperator("plain@example.com", false);
        assertFalse(service.bootstrap("admin@example.com", GOOD));
        assertEquals(1L, (long) world.tx().read(s -> s.operators().count()));
    }

    @Test
    void bootstrap_validates_like_any_creation() {
        assertThrows(ValidationException.class, () -> service.bootstrap("admin@example.com", "short"));
        assertEquals(0L, (long) world.tx().read(s -> s.operators().count()));
    }
}
