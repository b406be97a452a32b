package org.tokendesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/**
 * Generated hostile input against the API: JSON bodies, headers, paths and Basic credentials.
 * Never a 5xx, never a stack trace, and the account's tokens never change.
 */
class HostileInputPropertyTest {

    static TestNode node;
    static ApiClient admin;
    static String sid;
    static String readWrite;
    static String readOnlyHint;

    @BeforeContainer
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "1000000"));
        admin = node.admin();
        sid = admin.post("/api/v1/accounts", Map.of("name", "Target")).text("accountSid");
        admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
        readWrite = admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials").json().get("readWrite")
                .get("authToken").asText();
        readOnlyHint = admin.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readOnly").get("hint").asText();
    }

    @AfterContainer
    static void stop() {
        try {
            assertEquals(204, admin.check(sid, readWrite, Map.of()).status(), "the read/write token never changed");
            assertEquals(readOnlyHint, admin.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readOnly")
                    .get("hint").asText(), "the read-only token never changed");
        } finally {
            node.close();
        }
    }

    static void assertSafe(ApiClient.Response r) {
        assertTrue(r.status() < 500, () -> "5xx: " + r.status() + " " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at org."),
                () -> "stack trace in " + r.body());
        assertFalse(r.body().contains(readWrite), "a token in an answer");
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("name", "email", "password", "accountSid", "authToken",
                "method", "apiVersion", "role", "scopes", "channels", "webhookUrl", "ownerEmail", "ownerLocale"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(HostileInputPropertyTest::quote),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("null", "true", "[]", "{}", "[\"read_write\"]",
                        "1e309", "-0", "\"\\u0000\"", "[1,[2,[3]]]", "{\"a\":{\"b\":null}}"));
        Arbitrary<String> pair = Combinators.combine(keys, values).as((k, v) -> quote(k) + ":" + v);
        Arbitrary<String> object = pair.list().ofMaxSize(6).map(ps -> "{" + String.join(",", ps) + "}");
        return Arbitraries.oneOf(object, Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("", "{", "[]", "null", "{\"name\":", "{\"a\":1}{\"b\":2}", "{\"name\":\"a\",\"name\":\"b\"}"));
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Provide
    Arbitrary<String> endpoint() {
        String a = "/api/v1/accounts/";
        return Arbitraries.of("POST /v1/verify", "POST /api/v1/session", "POST /api/v1/accounts", "POST /api/v1/keys",
                "POST /api/v1/operators", "PATCH " + a + "SID/legacy-token", "POST " + a + "SID/integrations",
                "PUT " + a + "SID/members/nobody@example.com", "POST " + a + "SID/legacy-token", "PATCH " + a + "SID/integrations/x");
    }

    @Property(tries = 300)
    void generated_json_bodies_never_cause_a_5xx(@ForAll("endpoint") String endpoint, @ForAll("json") String body) {
        String[] parts = endpoint.split(" ");
        assertSafe(admin.send(parts[0], parts[1].replace("SID", sid), body, Map.of()));
    }

    @Property(tries = 200)
    void a_reset_with_a_generated_body_that_has_unknown_fields_changes_nothing(
            @ForAll("json") String body, @ForAll("scopePath") String scope) {
        if (body.strip().equals("{}") || body.isBlank()) {
            return;
        }
        var r = admin.send("POST", "/api/v1/accounts/" + sid + "/legacy-token/" + scope + "/reset", body, Map.of());
        assertSafe(r);
        assertTrue(r.status() == 400 || r.status() == 404, () -> r.status() + " " + r.body());
    }

    @Provide
    Arbitrary<String> scopePath() {
        return Arbitraries.of("read-write", "read-only");
    }

    @Property(tries = 300)
    void generated_basic_credentials_and_headers_never_pass_or_fail_badly(@ForAll("credentials") String authorization,
            @ForAll("headerValue") String method, @ForAll("headerValue") String forwarded) {
        var r = admin.send("GET", "/v1/auth/check", null,
                Map.of("Authorization", authorization, "X-Original-Method", method, "X-Forwarded-For", forwarded));
        assertSafe(r);
        assertTrue(r.status() == 401 || r.status() == 429, () -> r.status() + " " + r.body());
    }

    @Provide
    Arbitrary<String> headerValue() {
        // printable ASCII: the HTTP client refuses control characters in headers before sending
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80).map(String::strip);
    }

    @Provide
    Arbitrary<String> credentials() {
        Arbitrary<String> user = Arbitraries.oneOf(Arbitraries.just(sidOrPlaceholder()), Arbitraries.strings().ofMaxLength(40));
        Arbitrary<String> secret = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withCharRange('0', 'z').ofLength(43).map(s -> "tdrw_" + s.substring(5)));
        Arbitrary<String> basic = Combinators.combine(user, secret).as((u, p) -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + p).getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(basic, headerValue().map(v -> "Basic " + v), headerValue(),
                Arbitraries.of("Basic", "Basic ", "Bearer x", "Basic Og==", "Basic " + "A".repeat(2000)));
    }

    static String sidOrPlaceholder() {
        return sid == null ? "AC00000000000000000000000000000000" : sid;
    }

    @Property(tries = 200)
    void generated_paths_never_cause_a_5xx(@ForAll("pathSegment") String segment, @ForAll("verb") String verb) {
        for (String path : List.of("/api/v1/accounts/" + segment, "/api/v1/accounts/" + sid + "/" + segment,
                "/api/v1/accounts/" + sid + "/legacy-token/" + segment + "/reset", "/v1/" + segment)) {
            // no body: a request the server refuses at the URI must not race an unread body
            assertSafe(sendOnFreshConnectionIfClosed(verb, path));
        }
    }

    /**
     * Jetty answers a malformed URI with 400 and closes the connection; the JDK client may already
     * have sent the next request on it. One retry on a new connection tells that apart from a
     * server that does not answer.
     */
    static ApiClient.Response sendOnFreshConnectionIfClosed(String verb, String path) {
        try {
            return admin.send(verb, path, null, Map.of());
        } catch (java.io.UncheckedIOException closed) {
            return node.client().send(verb, path, null, Map.of());
        }
    }

    @Provide
    Arbitrary<String> pathSegment() {
        // any text, percent-encoded as a client would send it, plus a few classic tricks
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40)
                        .map(t -> java.net.URLEncoder.encode(t, StandardCharsets.UTF_8).replace("+", "%20")),
                Arbitraries.of("%00", "%2e%2e", "..", "AC" + "f".repeat(32), "%E2%82%AC", "a%2Fb", "%2F%2F"));
    }

    @Provide
    Arbitrary<String> verb() {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE");
    }
}
