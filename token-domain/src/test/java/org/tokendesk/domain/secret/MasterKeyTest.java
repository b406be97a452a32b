package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.DeterministicSecretGenerator;

class MasterKeyTest {

    private static final byte[] KEY = new DeterministicSecretGenerator(1).randomBytes(32);

    @Test
    void base64_of_32_bytes_parses_and_round_trips() {
        String text = Base64.getEncoder().encodeToString(KEY);
        MasterKey key = MasterKey.fromBase64("  " + text + "\n");
        assertEquals(text, key.toBase64());
        assertArrayEquals(KEY, key.bytes());
    }

    @Test
    void a_wrong_length_is_refused_without_echoing_the_input() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        var e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(sixteen));
        assertFalse(e.getMessage().contains(sixteen));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.of(new byte[33]));
    }

    @Test
    void text_that_is_not_base64_is_refused_without_echoing_it() {
        String garbage = "not*base64*secret-material";
        var e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(garbage));
        assertFalse(e.getMessage().contains("secret-material"));
        assertNull(e.getCause());
    }

    @Test
    void to_string_is_masked() {
        MasterKey key = MasterKey.of(KEY);
        assertEquals("MasterKey[masked]", key.toString());
        assertFalse(key.toString().contains(key.toBase64()));
    }

    @Test
    void the_key_is_copied_in_and_out() {
        byte[] input = KEY.clone();
        MasterKey key = MasterKey.of(input);
        input[0] ^= 1;
        key.bytes()[1] ^= 1;
        assertArrayEquals(KEY, key.bytes());
    }

    @Test
    void generated_keys_have_32_bytes() {
        MasterKey key = MasterKey.generate(new DeterministicSecretGenerator(2));
        assertEquals(32, Base64.getDecoder().decode(key.toBase64()).length);
    }
}
