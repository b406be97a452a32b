package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Basic header of every check: parsed without throwing, and only when it is well-formed. */
class BasicCredentialsTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_sid_is_before_the_first_colon_and_the_token_is_all_the_rest() {
        assertEquals(Optional.of(new BasicCredentials("AC123", "tdrw_abc")), BasicCredentials.parse(basic("AC123:tdrw_abc")));
        assertEquals(Optional.of(new BasicCredentials("AC123", "a:b:c")), BasicCredentials.parse(basic("AC123:a:b:c")));
    }

    @Test
    void the_scheme_in_any_case_and_whitespace_around_the_value_are_accepted() {
        String value = Base64.getEncoder().encodeToString("AC1:tok".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(new BasicCredentials("AC1", "tok")), BasicCredentials.parse("bAsIc   " + value + " \t"));
    }

    @Test
    void utf8_beyond_ascii_is_decoded() {
        assertEquals(Optional.of(new BasicCredentials("AC1", "jöß€😀")), BasicCredentials.parse(basic("AC1:jöß€😀")));
    }

    @Test
    void anything_malformed_is_no_credential() {
        for (String header : new String[] {null, "", "Basic", "Basic ", "Bearer abc", "Basic !!!!", "Basic QUMx",
            basic(":tok"), basic("AC1:"), basic("AC1"), "Basic " + "QUMxOnRvaw==".replace('Q', 'Ł'),
            "Basic QUMxOnRv\u00e9w==", "Basic " + "A".repeat(1100)}) {
            assertEquals(Optional.empty(), BasicCredentials.parse(header), String.valueOf(header));
        }
    }

    @Test
    void the_token_never_shows_in_to_string() {
        String text = BasicCredentials.parse(basic("AC1:tdrw_secret")).orElseThrow().toString();
        assertTrue(text.contains("AC1"));
        assertFalse(text.contains("tdrw_secret"), text);
    }
}
