package org.tokendesk.domain.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addresses_are_stripped_and_lower_cased() {
        assertEquals(Optional.of("ada@example.com"), EmailAddress.normalize("  Ada@Example.COM "));
    }

    @Test
    void text_without_the_shape_of_an_address_is_refused() {
        for (String bad : new String[] {null, "", "ada", "ada@", "@example.com", "a b@example.com", "a@b@c",
                "<ada@example.com>", "ada@example.com, bob@example.com"}) {
            assertTrue(EmailAddress.normalize(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void addresses_longer_than_254_characters_are_refused() {
        String local = "a".repeat(64);
        String domain = "b".repeat(254 - 65);
        assertEquals(254, (local + "@" + domain).length());
        assertTrue(EmailAddress.normalize(local + "@" + domain).isPresent());
        assertTrue(EmailAddress.normalize(local + "@" + domain + "c").isEmpty());
    }
}
