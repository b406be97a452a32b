package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.Fixture;

class HmacAuthTokenHasherTest {

    private final HmacAuthTokenHasher hasher = new HmacAuthTokenHasher(Fixture.pepper('a'));

    @Test
    void the_same_input_gives_the_same_hash() {
        assertEquals(hasher.hash("tdrw_abc"), hasher.hash(new StringBuilder("tdrw_abc")));
        // a String is hashed by a shorter path than other character sequences: the same bytes, also beyond ASCII
        assertEquals(hasher.hash("tdrw_äöü€😀"), hasher.hash(new StringBuilder("tdrw_äöü€😀")));
        assertEquals(hasher.hash("tdrw_abc"), new HmacAuthTokenHasher(Fixture.pepper('a')).hash("tdrw_abc"));
    }

    @Test
    void different_inputs_give_different_hashes() {
        assertNotEquals(hasher.hash("tdrw_abc"), hasher.hash("tdrw_abd"));
    }

    @Test
    void a_different_pepper_gives_a_different_hash() {
        assertNotEquals(hasher.hash("tdrw_abc"), new HmacAuthTokenHasher(Fixture.pepper('b')).hash("tdrw_abc"));
    }

    @Test
    void the_hash_is_hmac_sha256_sized() {
        assertEquals(32, hasher.hash("x").bytes().length);
    }

    @Test
    void a_pepper_shorter_than_32_bytes_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacAuthTokenHasher(new byte[31]));
    }

    @Test
    void the_pepper_is_copied_so_later_changes_do_not_matter() {
        byte[] pepper = Fixture.pepper('a');
        HmacAuthTokenHasher copy = new HmacAuthTokenHasher(pepper);
        pepper[0] = 0;
        assertEquals(hasher.hash("tdrw_abc"), copy.hash("tdrw_abc"));
    }

    @Test
    void to_string_is_masked() {
        assertEquals("HmacAuthTokenHasher[pepper masked]", hasher.toString());
        assertFalse(hasher.hash("tdrw_abc").toString().contains("tdrw"));
    }
}
