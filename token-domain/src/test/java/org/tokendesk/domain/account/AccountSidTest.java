package org.tokendesk.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.DeterministicSecretGenerator;

class AccountSidTest {

    private static final String VALID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void a_well_formed_sid_parses() {
        assertEquals(Optional.of(new AccountSid(VALID)), AccountSid.parse(VALID));
        assertEquals(VALID, AccountSid.parse(VALID).orElseThrow().toString());
    }

    @Test
    void uppercase_hex_is_refused() {
        assertTrue(AccountSid.parse("AC0123456789ABCDEF0123456789abcdef").isEmpty());
    }

    @Test
    void a_lowercase_prefix_is_refused() {
        assertTrue(AccountSid.parse("ac0123456789abcdef0123456789abcdef").isEmpty());
    }

    @Test
    void a_wrong_length_is_refused() {
        assertTrue(AccountSid.parse(VALID.substring(0, 33)).isEmpty());
        assertTrue(AccountSid.parse(VALID + "0").isEmpty());
        assertTrue(AccountSid.parse("").isEmpty());
    }

    @Test
    void non_hex_characters_are_refused() {
        assertTrue(AccountSid.parse("AC0123456789abcdef0123456789abcdeg").isEmpty());
    }

    @Test
    void null_is_refused() {
        assertTrue(AccountSid.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new AccountSid(null));
    }

    @Test
    void the_constructor_refuses_what_parse_refuses() {
        assertThrows(IllegalArgumentException.class, () -> new AccountSid("AC0123456789ABCDEF0123456789abcdef"));
    }

    @Test
    void generated_sids_are_well_formed_and_differ() {
        var random = new DeterministicSecretGenerator(3);
        AccountSid first = AccountSid.generate(random);
        AccountSid second = AccountSid.generate(random);
        assertTrue(AccountSid.parse(first.value()).isPresent());
        assertTrue(first.value().matches("AC[0-9a-f]{32}"));
        assertNotEquals(first, second);
    }
}
