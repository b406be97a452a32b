package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    private static final byte[] BYTES = {0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};

    @Test
    void equal_bytes_make_equal_hashes() {
        assertEquals(new TokenHash(BYTES), new TokenHash(BYTES.clone()));
        assertEquals(new TokenHash(BYTES).hashCode(), new TokenHash(BYTES.clone()).hashCode());
        assertNotEquals(new TokenHash(BYTES), new TokenHash(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void to_string_shows_only_the_first_four_bytes() {
        assertEquals("TokenHash[0a0b0c0d…]", new TokenHash(BYTES).toString());
    }

    @Test
    void the_bytes_are_copied_in_and_out() {
        byte[] input = BYTES.clone();
        TokenHash hash = new TokenHash(input);
        input[0] = 0;
        hash.bytes()[1] = 0;
        assertEquals(new TokenHash(BYTES), hash);
    }
}
