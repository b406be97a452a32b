package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.testing.DeterministicSecretGenerator;

class AuthTokenFormatTest {

    private final DeterministicSecretGenerator random = new DeterministicSecretGenerator(11);

    @Test
    void generated_tokens_match_the_scanner_pattern() {
        for (TokenScope scope : TokenScope.values()) {
            String token = AuthTokenFormat.generate(scope, random);
            assertTrue(AuthTokenFormat.SCANNER_PATTERN.matcher(token).matches(), token);
            assertTrue(AuthTokenFormat.SCANNER_PATTERN.matcher("leaked: " + token + ".").find());
        }
    }

    @Test
    void generated_tokens_carry_their_scope_prefix() {
        assertTrue(AuthTokenFormat.generate(TokenScope.READ_WRITE, random).startsWith("tdrw_"));
        assertTrue(AuthTokenFormat.generate(TokenScope.READ_ONLY, random).startsWith("tdro_"));
    }

    @Test
    void generated_tokens_have_a_valid_checksum() {
        String token = AuthTokenFormat.generate(TokenScope.READ_WRITE, random);
        assertTrue(AuthTokenFormat.isWellFormed(token));
        int split = token.length() - AuthTokenFormat.CHECKSUM_CHARS;
        assertEquals(AuthTokenFormat.checksum(token.substring(0, split)), token.substring(split));
    }

    @Test
    void changing_any_one_character_breaks_the_checksum() {
        String token = AuthTokenFormat.generate(TokenScope.READ_ONLY, random);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertFalse(AuthTokenFormat.isWellFormed(changed), "position " + i);
        }
    }

    @Test
    void swapping_the_scope_prefix_breaks_the_checksum() {
        String token = AuthTokenFormat.generate(TokenScope.READ_WRITE, random);
        assertFalse(AuthTokenFormat.isWellFormed("tdro_" + token.substring(5)));
    }

    @Test
    void the_random_part_has_32_base62_characters_from_at_least_160_bits() {
        List<Integer> requested = new ArrayList<>();
        SecretGenerator recording = count -> {
            requested.add(count);
            return random.randomBytes(count);
        };
        String token = AuthTokenFormat.generate(TokenScope.READ_WRITE, recording);
        String randomPart = token.substring(5, token.length() - AuthTokenFormat.CHECKSUM_CHARS);
        assertEquals(32, AuthTokenFormat.RANDOM_CHARS);
        assertEquals(32, randomPart.length());
        assertTrue(Base62.isBase62(randomPart));
        assertTrue(32 * Math.log(62) / Math.log(2) >= 160);
        assertEquals(List.of(32), requested);
        assertTrue(requested.get(0) * 8 >= 160);
    }

    @Test
    void two_generations_differ() {
        assertNotEquals(AuthTokenFormat.generate(TokenScope.READ_WRITE, random),
                AuthTokenFormat.generate(TokenScope.READ_WRITE, random));
    }

    @Test
    void text_that_is_not_a_generated_token_is_not_well_formed() {
        assertFalse(AuthTokenFormat.isWellFormed(""));
        assertFalse(AuthTokenFormat.isWellFormed("tdxx_" + "a".repeat(38)));
        assertFalse(AuthTokenFormat.isWellFormed("tdrw_" + "a".repeat(37)));
        assertFalse(AuthTokenFormat.isWellFormed("imported-legacy-token"));
    }

    @Test
    void null_is_not_well_formed() {
        assertFalse(AuthTokenFormat.isWellFormed(null));
    }
}
