package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {

    private final Secret secret = new Secret("tdrw_supersecretvalue1234");

    @Test
    void to_string_is_masked() {
        assertEquals("Secret[masked]", secret.toString());
        assertFalse(String.valueOf(secret).contains("supersecret"));
    }

    @Test
    void hint_is_an_ellipsis_and_the_last_four_characters() {
        assertEquals("…1234", secret.hint());
        assertEquals("…1234", Secret.hintOf("tdrw_supersecretvalue1234"));
    }

    @Test
    void reveal_returns_the_value_itself() {
        assertEquals("tdrw_supersecretvalue1234", secret.reveal());
    }

    @Test
    void matches_only_the_exact_value() {
        assertTrue(secret.matches("tdrw_supersecretvalue1234"));
        assertFalse(secret.matches("tdrw_supersecretvalue1235"));
        assertFalse(secret.matches("tdrw_supersecretvalue123"));
        assertFalse(secret.matches(null));
    }

    @Test
    void equal_values_are_equal_secrets_with_equal_hash_codes() {
        Secret same = new Secret("tdrw_supersecretvalue1234");
        assertEquals(secret, same);
        assertEquals(secret.hashCode(), same.hashCode());
        assertNotEquals(secret, new Secret("other"));
    }

    @Test
    void a_null_value_is_refused() {
        assertThrows(NullPointerException.class, () -> new Secret(null));
    }

    @Test
    void short_secrets_give_no_characters_away_in_their_hint() {
        assertEquals("…", Secret.hintOf("abcd1234"));
        assertEquals("…", Secret.hintOf("0123456789abcde"));
        assertEquals("…cdef", Secret.hintOf("0123456789abcdef"));
    }
}
