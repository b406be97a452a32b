package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.common.ValidationException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("password1234", "correcthorsebatterystaple"));

    @Test
    void twelve_characters_are_enough() {
        assertDoesNotThrow(() -> policy.check("password", "a".repeat(PasswordPolicy.MIN_LENGTH)));
    }

    @Test
    void eleven_characters_are_too_few() {
        var e = assertThrows(ValidationException.class, () -> policy.check("password", "a".repeat(11)));
        assertEquals("password", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("12"));
    }

    @Test
    void a_missing_password_is_too_short() {
        assertThrows(ValidationException.class, () -> policy.check("password", null));
    }

    @Test
    void more_than_256_characters_are_refused() {
        assertDoesNotThrow(() -> policy.check("password", "a".repeat(256)));
        assertThrows(ValidationException.class, () -> policy.check("password", "a".repeat(257)));
    }

    @Test
    void common_passwords_are_refused_in_any_case() {
        var e = assertThrows(ValidationException.class, () -> policy.check("newPassword", "CorrectHorseBatteryStaple"));
        assertEquals("newPassword", e.errors().get(0).field());
        assertFalse(e.getMessage().contains("CorrectHorse"));
    }
}
