package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code GET /v1/auth/check}: API.md section 1, everything but the failure limit. */
class AuthCheckTest {

    private static final String REALM = "Basic realm=\"tokendesk\"";

    static TestNode node;
    static ApiClient admin;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        // a high failure limit: this class makes many failed checks from one address on purpose
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "100000"));
        admin = node.admin();
        anonymous = node.client();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static LegacyTokens newTokens() {
        return admin.enableLegacyTokens(admin.createAccount("Check account"));
    }

    private static ApiClient.Response rawCheck(Map<String, String> headers) {
        return anonymous.send("GET", "/v1/auth/check", null, headers);
    }

    private static void assertUnauthorized(ApiClient.Response r, String... secrets) {
        assertProblem(r, 401);
        assertEquals(REALM, r.header("WWW-Authenticate"));
        assertNoSecret(r, secrets);
    }

    @Test
    void a_valid_read_write_token_passes_with_account_scope_and_api_version_headers() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = admin.check(t.accountSid(), t.readWrite(), Map.of());
        assertEquals(204, r.status());
        assertEquals(t.accountSid(), r.header("X-Account-Sid"));
        assertEquals("read_write", r.header("X-Token-Scope"));
        String card = admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token").text("apiVersion");
        assertEquals(card, r.header("X-Api-Version"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("", r.body());
    }

    @Test
    void a_valid_read_only_token_passes_with_read_only_scope() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = admin.check(t.accountSid(), t.readOnly(), Map.of());
        assertEquals(204, r.status());
        assertEquals(t.accountSid(), r.header("X-Account-Sid"));
        assertEquals("read_only", r.header("X-Token-Scope"));
        assertEquals(admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token").text("apiVersion"),
                r.header("X-Api-Version"));
    }

    @Test
    void the_api_version_header_follows_a_change_of_the_cards_api_version() {
        LegacyTokens t = newTokens();
        assertEquals(200, admin.patch("/api/v1/accounts/" + t.accountSid() + "/legacy-token",
                Map.of("apiVersion", "v11")).status());
        assertEquals("v11", admin.check(t.accountSid(), t.readWrite(), Map.of()).header("X-Api-Version"));
    }

    @Test
    void a_missing_authorization_header_is_401_with_the_basic_realm() {
        ApiClient.Response r = rawCheck(Map.of());
        assertUnauthorized(r);
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void a_non_basic_scheme_is_401() {
        LegacyTokens t = newTokens();
        assertUnauthorized(rawCheck(Map.of("Authorization", "Bearer " + t.readWrite())), t.readWrite());
        String encoded = Base64.getEncoder().encodeToString(
                (t.accountSid() + ":" + t.readWrite()).getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(rawCheck(Map.of("Authorization", "Digest " + encoded)), t.readWrite(), encoded);
    }

    @Test
    void credentials_that_are_not_base64_are_401() {
        assertUnauthorized(rawCheck(Map.of("Authorization", "Basic !!!not*base64%%%")));
    }

    @Test
    void credentials_without_a_colon_are_401() {
        LegacyTokens t = newTokens();
        String noColon = Base64.getEncoder().encodeToString((t.accountSid() + t.readWrite())
                .getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(rawCheck(Map.of("Authorization", "Basic " + noColon)), t.readWrite());
    }

    @Test
    void credentials_with_an_empty_token_or_an_empty_sid_are_401() {
        LegacyTokens t = newTokens();
        assertUnauthorized(admin.check(t.accountSid(), "", Map.of()));
        assertUnauthorized(admin.check("", t.readWrite(), Map.of()), t.readWrite());
    }

    @Test
    void an_unknown_account_sid_is_401() {
        LegacyTokens t = newTokens();
        assertUnauthorized(admin.check("AC" + "0".repeat(32), t.readWrite(), Map.of()), t.readWrite());
        assertUnauthorized(admin.check("not-a-sid", t.readWrite(), Map.of()), t.readWrite());
    }

    @Test
    void a_wrong_token_is_401_and_the_body_never_echoes_it() {
        LegacyTokens t = newTokens();
        String right = t.readWrite();
        String wrong = right.substring(0, right.length() - 1) + (right.endsWith("X") ? "Y" : "X");
        ApiClient.Response r = admin.check(t.accountSid(), wrong, Map.of());
        assertUnauthorized(r, wrong, t.readWrite());
        assertEquals("no-store", r.header("Cache-Control"));
        assertNull(r.header("X-Account-Sid"));
    }

    @Test
    void a_token_of_another_account_is_401() {
        LegacyTokens mine = newTokens();
        LegacyTokens other = newTokens();
        assertUnauthorized(admin.check(mine.accountSid(), other.readWrite(), Map.of()), other.readWrite());
        assertUnauthorized(admin.check(mine.accountSid(), other.readOnly(), Map.of()), other.readOnly());
    }

    @Test
    void a_reset_token_is_401_and_its_successor_passes() {
        LegacyTokens t = newTokens();
        String fresh = admin.post("/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-only/reset", null)
                .text("authToken");
        assertUnauthorized(admin.check(t.accountSid(), t.readOnly(), Map.of()), t.readOnly(), fresh);
        assertEquals(204, admin.check(t.accountSid(), fresh, Map.of()).status());
        assertEquals(204, admin.check(t.accountSid(), t.readWrite(), Map.of()).status(), "the other scope is untouched");
    }

    @Test
    void the_method_comes_from_x_original_method() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "POST"));
        assertProblem(r, 403);
        assertNoSecret(r, t.readOnly());
        assertEquals(204, admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "GET")).status());
    }

    @Test
    void the_method_comes_from_x_forwarded_method_when_x_original_method_is_absent() {
        LegacyTokens t = newTokens();
        assertProblem(admin.check(t.accountSid(), t.readOnly(), Map.of("X-Forwarded-Method", "DELETE")), 403);
        assertEquals(204, admin.check(t.accountSid(), t.readOnly(), Map.of("X-Forwarded-Method", "HEAD")).status());
    }

    @Test
    void x_original_method_wins_over_x_forwarded_method() {
        LegacyTokens t = newTokens();
        assertEquals(204, admin.check(t.accountSid(), t.readOnly(),
                Map.of("X-Original-Method", "GET", "X-Forwarded-Method", "POST")).status());
        assertProblem(admin.check(t.accountSid(), t.readOnly(),
                Map.of("X-Original-Method", "PUT", "X-Forwarded-Method", "GET")), 403);
    }

    @Test
    void an_absent_method_means_get() {
        LegacyTokens t = newTokens();
        ApiClient.Response r = admin.check(t.accountSid(), t.readOnly(), Map.of());
        assertEquals(204, r.status());
        assertEquals("read_only", r.header("X-Token-Scope"));
    }

    @Test
    void a_read_only_token_passes_get_head_and_options() {
        LegacyTokens t = newTokens();
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            ApiClient.Response r = admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", method));
            assertEquals(204, r.status(), method);
            assertEquals("read_only", r.header("X-Token-Scope"), method);
        }
    }

    @Test
    void a_read_only_token_is_403_for_post_put_patch_and_delete_without_the_basic_challenge() {
        LegacyTokens t = newTokens();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            ApiClient.Response r = admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", method));
            assertProblem(r, 403);
            assertNull(r.header("WWW-Authenticate"), method);
            assertNull(r.header("X-Account-Sid"), method);
            assertNoSecret(r, t.readOnly());
        }
    }

    @Test
    void a_read_only_token_is_403_for_a_lower_case_unsafe_method() {
        LegacyTokens t = newTokens();
        assertProblem(admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "post")), 403);
    }

    @Test
    void a_read_write_token_passes_every_method() {
        LegacyTokens t = newTokens();
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"}) {
            ApiClient.Response r = admin.check(t.accountSid(), t.readWrite(), Map.of("X-Original-Method", method));
            assertEquals(204, r.status(), method);
            assertEquals("read_write", r.header("X-Token-Scope"), method);
        }
    }

    @Test
    void the_check_is_not_cached_even_when_it_fails() {
        LegacyTokens t = newTokens();
        assertEquals("no-store", admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "POST"))
                .header("Cache-Control"));
        assertEquals("no-store", admin.check(t.accountSid(), "wrong", Map.of()).header("Cache-Control"));
    }
}
