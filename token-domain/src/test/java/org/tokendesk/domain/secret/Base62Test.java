package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Base62Test {

    @Test
    void encode_pads_to_the_requested_length() {
        assertEquals("000", Base62.encode(BigInteger.ZERO, 3));
        assertEquals("00z", Base62.encode(BigInteger.valueOf(61), 3));
        assertEquals("010", Base62.encode(BigInteger.valueOf(62), 3));
    }

    @Test
    void encode_refuses_values_that_do_not_fit() {
        assertThrows(IllegalArgumentException.class, () -> Base62.encode(BigInteger.valueOf(62 * 62), 2));
    }

    @Test
    void from_random_gives_base62_of_the_requested_length() {
        String text = Base62.fromRandom(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 10);
        assertEquals(10, text.length());
        assertTrue(Base62.isBase62(text));
    }

    @Test
    void is_base62_accepts_only_digits_and_ascii_letters() {
        assertTrue(Base62.isBase62(Base62.ALPHABET));
        assertFalse(Base62.isBase62("abc_"));
        assertFalse(Base62.isBase62("abc-"));
        assertFalse(Base62.isBase62("ä"));
    }
}
