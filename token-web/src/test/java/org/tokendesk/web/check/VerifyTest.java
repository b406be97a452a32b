package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code POST /v1/verify}: API.md section 1 (the failure limit is in {@link CheckFailureLimitTest}). */
class VerifyTest {

    static TestNode node;
    static ApiClient admin;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "100000"));
        admin = node.admin();
        anonymous = node.client();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static LegacyTokens newTokens() {
        return admin.enableLegacyTokens(admin.createAccount("Verify account"));
    }

    private static ApiClient.Response verify(Object body) {
        return anonymous.post("/v1/verify", body);
    }

    private static ApiClient.Response verify(String sid, String token, String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountSid", sid);
        body.put("authToken", token);
        if (method != null) {
            body.put("method", method);
        }
        return verify(body);
    }

    private static JsonNode answer(ApiClient.Response r) {
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        return r.json();
    }

    private static void assertInvalid(ApiClient.Response r, String code, String... secrets) {
        JsonNode a = answer(r);
        assertFalse(a.get("valid").asBoolean(), r.body());
        assertTrue(a.get("valid").isBoolean(), r.body());
        assertEquals(code, a.get("code").asText(), r.body());
        assertNoSecret(r, secrets);
    }

    @Test
    void a_valid_read_write_token_is_valid_with_every_documented_field() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = verify(t.accountSid(), t.readWrite(), "POST");
        JsonNode a = answer(r);
        assertTrue(a.get("valid").isBoolean() && a.get("valid").asBoolean(), r.body());
        assertEquals(t.accountSid(), a.get("accountSid").asText());
        assertEquals("read_write", a.get("scope").asText());
        String apiVersion = admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token").text("apiVersion");
        assertEquals(apiVersion, a.get("apiVersion").asText());
        assertTrue(a.get("legacy").isBoolean() && a.get("legacy").asBoolean(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        assertNoSecret(r, t.readWrite());
    }

    @Test
    void a_valid_read_only_token_is_valid_with_read_only_scope() {
        LegacyTokens t = newTokens();
        JsonNode a = answer(verify(t.accountSid(), t.readOnly(), "HEAD"));
        assertTrue(a.get("valid").asBoolean());
        assertEquals("read_only", a.get("scope").asText());
        assertEquals(t.accountSid(), a.get("accountSid").asText());
    }

    @Test
    void an_absent_method_means_get() {
        LegacyTokens t = newTokens();
        JsonNode a = answer(verify(t.accountSid(), t.readOnly(), null));
        assertTrue(a.get("valid").asBoolean());
        assertEquals("read_only", a.get("scope").asText());
    }

    @Test
    void a_read_only_token_for_an_unsafe_method_is_forbidden_method() {
        LegacyTokens t = newTokens();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "delete"}) {
            assertInvalid(verify(t.accountSid(), t.readOnly(), method), "forbidden_method", t.readOnly());
        }
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertTrue(answer(verify(t.accountSid(), t.readOnly(), method)).get("valid").asBoolean(), method);
        }
    }

    @Test
    void a_wrong_token_is_invalid_credentials_without_echoing_it() {
        LegacyTokens t = newTokens();
        String wrong = t.readWrite() + "x";
        assertInvalid(verify(t.accountSid(), wrong, "GET"), "invalid_credentials", wrong, t.readWrite());
    }

    @Test
    void an_unknown_or_malformed_account_sid_is_invalid_credentials() {
        LegacyTokens t = newTokens();
        assertInvalid(verify("AC" + "f".repeat(32), t.readWrite(), null), "invalid_credentials", t.readWrite());
        assertInvalid(verify("nonsense", t.readWrite(), null), "invalid_credentials", t.readWrite());
    }

    @Test
    void a_token_of_another_account_is_invalid_credentials() {
        LegacyTokens mine = newTokens();
        LegacyTokens other = newTokens();
        assertInvalid(verify(mine.accountSid(), other.readWrite(), null), "invalid_credentials", other.readWrite());
    }

    @Test
    void a_reset_token_is_token_reset_with_the_reset_answers_time() {
        LegacyTokens t = newTokens();
        ApiClient.Response reset = admin.post("/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-write/reset",
                null);
        assertEquals(200, reset.status());
        Instant resetAt = assertTimestamp(reset.json().get("resetAt"));

        ApiClient.Response r = verify(t.accountSid(), t.readWrite(), "GET");
        assertInvalid(r, "token_reset", t.readWrite(), reset.text("authToken"));
        assertEquals(resetAt, assertTimestamp(r.json().get("resetAt")));

        JsonNode fresh = answer(verify(t.accountSid(), reset.text("authToken"), "GET"));
        assertTrue(fresh.get("valid").asBoolean());
    }

    @Test
    void a_token_reset_twice_reports_when_it_stopped_working() {
        LegacyTokens t = newTokens();
        String base = "/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-only/reset";
        ApiClient.Response first = admin.post(base, null);
        ApiClient.Response second = admin.post(base, null);
        assertEquals(assertTimestamp(first.json().get("resetAt")),
                assertTimestamp(verify(t.accountSid(), t.readOnly(), null).json().get("resetAt")));
        assertEquals(assertTimestamp(second.json().get("resetAt")),
                assertTimestamp(verify(t.accountSid(), first.text("authToken"), null).json().get("resetAt")));
    }

    @Test
    void a_missing_account_sid_or_auth_token_is_400_with_the_field() {
        LegacyTokens t = newTokens();
        assertFieldError(verify(Map.of("authToken", t.readWrite())), 400, "accountSid");
        assertFieldError(verify(Map.of("accountSid", t.accountSid())), 400, "authToken");
        assertProblem(verify((Object) null), 400);
    }

    @Test
    void an_unknown_field_is_400_with_the_field() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = verify(Map.of("accountSid", t.accountSid(), "authToken", t.readWrite(), "scope", "x"));
        assertFieldError(r, 400, "scope");
        assertNoSecret(r, t.readWrite());
    }

    @Test
    void malformed_json_is_400_without_echoing_the_body() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = verify("{\"accountSid\": \"" + t.accountSid() + "\", \"authToken\": \"" + t.readWrite());
        assertProblem(r, 400);
        assertNoSecret(r, t.readWrite());
        assertProblem(verify("not json at all"), 400);
        assertProblem(verify("[]"), 400);
        assertProblem(verify("{} {}"), 400);
    }

    @Test
    void a_method_that_is_no_http_method_is_400() {
        LegacyTokens t = newTokens();
        assertFieldError(verify(t.accountSid(), t.readWrite(), "GET / HTTP/1.1"), 400, "method");
    }

    @Test
    void structured_values_where_strings_belong_are_400() {
        LegacyTokens t = newTokens();
        assertProblem(verify(Map.of("accountSid", Map.of("x", 1), "authToken", t.readWrite())), 400);
        assertProblem(verify(Map.of("accountSid", t.accountSid(), "authToken", java.util.List.of(t.readWrite()))), 400);
    }

    @Test
    void numbers_and_booleans_where_strings_belong_are_400() {
        LegacyTokens t = newTokens();
        assertFieldError(verify(Map.of("accountSid", 42, "authToken", t.readWrite())), 400, "accountSid");
        assertFieldError(verify(Map.of("accountSid", t.accountSid(), "authToken", 12345)), 400, "authToken");
        assertFieldError(verify(Map.of("accountSid", t.accountSid(), "authToken", t.readWrite(), "method", true)),
                400, "method");
    }

    @Test
    void a_body_over_64_kib_is_413() {
        LegacyTokens t = newTokens();
        String padding = "x".repeat(64 * 1024);
        ApiClient.Response r = verify(Map.of("accountSid", t.accountSid(), "authToken", padding));
        assertProblem(r, 413);
        assertNoSecret(r, padding);
    }

    @Test
    void a_body_of_just_under_64_kib_is_read() {
        LegacyTokens t = newTokens();
        String prefix = "{\"accountSid\":\"" + t.accountSid() + "\",\"authToken\":\"";
        String suffix = "\"}";
        String body = prefix + "y".repeat(64 * 1024 - prefix.length() - suffix.length()) + suffix;
        assertEquals(64 * 1024, body.getBytes(StandardCharsets.UTF_8).length);
        assertInvalid(verify(body), "invalid_credentials");
    }

    @Test
    void a_chunked_body_over_64_kib_is_413() {
        LegacyTokens t = newTokens();
        String start = "{\"accountSid\":\"" + t.accountSid() + "\",\"authToken\":\"";
        int size = 64 * 1024 + 1;
        byte[] payload = (start + "z".repeat(size - start.length())).getBytes(StandardCharsets.UTF_8);
        byte[] chunk = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[chunk.length + payload.length];
        System.arraycopy(chunk, 0, body, 0, chunk.length);
        System.arraycopy(payload, 0, body, chunk.length, payload.length);
        // no Content-Length: only reading the stream can find out that it is too large
        ApiClient.Response r = anonymous.sendRaw("POST", "/v1/verify",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"), body);
        assertProblem(r, 413);
    }
}
