package org.tokendesk.web.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** Behind TLS (an https public URL, TLS ended at the proxy) the session cookie is Secure: API.md section 2. */
class SecureCookieTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_PUBLIC_URL", "https://tokendesk.example.com"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_strict_behind_tls() {
        ApiClient.Response r = node.client().post("/api/v1/session",
                Map.of("email", TestNode.ADMIN_EMAIL, "password", TestNode.ADMIN_PASSWORD));
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        assertNotNull(setCookie);
        List<String> attributes = Arrays.stream(setCookie.split(";")).map(a -> a.strip().toLowerCase(Locale.ROOT))
                .toList();
        assertTrue(attributes.contains("secure"), setCookie);
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
    }
}
