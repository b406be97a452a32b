package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenScopeTest {

    private static final List<String> SAFE = List.of("GET", "HEAD", "OPTIONS", "get", "Head", "options");
    private static final List<String> UNSAFE = List.of("POST", "PUT", "PATCH", "DELETE", "post", "delete", "TRACE",
            "CONNECT", "", "GETX");

    @Test
    void read_only_permits_get_head_and_options_in_any_case() {
        SAFE.forEach(method -> assertTrue(TokenScope.READ_ONLY.permits(method), method));
    }

    @Test
    void read_only_refuses_every_other_method() {
        UNSAFE.forEach(method -> assertFalse(TokenScope.READ_ONLY.permits(method), method));
        assertFalse(TokenScope.READ_ONLY.permits(null));
    }

    @Test
    void read_write_permits_everything() {
        SAFE.forEach(method -> assertTrue(TokenScope.READ_WRITE.permits(method), method));
        UNSAFE.forEach(method -> assertTrue(TokenScope.READ_WRITE.permits(method), method));
    }

    @Test
    void wire_names_parse_back() {
        assertEquals("read_write", TokenScope.READ_WRITE.wireName());
        assertEquals("read_only", TokenScope.READ_ONLY.wireName());
        assertEquals(Optional.of(TokenScope.READ_ONLY), TokenScope.fromWire("read_only"));
        assertEquals(Optional.empty(), TokenScope.fromWire("read-only"));
        assertEquals(Optional.empty(), TokenScope.fromWire("READ_ONLY"));
        assertEquals(Optional.empty(), TokenScope.fromWire(null));
    }

    @Test
    void path_names_parse_back() {
        assertEquals("read-write", TokenScope.READ_WRITE.pathName());
        assertEquals("read-only", TokenScope.READ_ONLY.pathName());
        assertEquals(Optional.of(TokenScope.READ_WRITE), TokenScope.fromPath("read-write"));
        assertEquals(Optional.empty(), TokenScope.fromPath("read_write"));
    }

    @Test
    void token_prefixes_name_the_scope() {
        assertEquals("tdrw_", TokenScope.READ_WRITE.tokenPrefix());
        assertEquals("tdro_", TokenScope.READ_ONLY.tokenPrefix());
    }
}
