package org.tokendesk.web.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/**
 * Cookie sessions and CSRF: API.md section 2. Failed sign-ins are sent from addresses no other
 * test uses ({@code X-Real-IP}), because the node slows repeated failures per client address.
 */
class SessionTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static ApiClient.Response signIn(ApiClient client, String email, String password) {
        return client.send("POST", "/api/v1/session", Map.of("email", email, "password", password),
                Map.of("X-Real-IP", TestNode.uniqueAddress()));
    }

    /** The value of the session cookie set by the answer. */
    private static String sessionCookie(ApiClient.Response r) {
        String setCookie = r.header("Set-Cookie");
        assertNotNull(setCookie, "Set-Cookie");
        String pair = setCookie.split(";", 2)[0].strip();
        assertTrue(pair.contains("=") && pair.indexOf('=') < pair.length() - 1, setCookie);
        return pair;
    }

    private static String newOperatorEmail() {
        return node.newOperator("session").email();
    }

    @Test
    void signing_in_answers_200_with_a_csrf_token_the_operator_and_an_http_only_strict_cookie() {
        String email = newOperatorEmail();
        ApiClient.Response r = signIn(node.client(), email, TestNode.OPERATOR_PASSWORD);
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertFalse(body.get("csrfToken").asText().isBlank());
        JsonNode operator = body.get("operator");
        assertTrue(operator.isObject(), r.body());
        assertEquals(email, operator.get("email").asText());
        assertFalse(r.body().contains(TestNode.OPERATOR_PASSWORD));
        assertFalse(r.body().toLowerCase(Locale.ROOT).contains("argon"), "no password hash in " + r.body());

        String setCookie = r.header("Set-Cookie");
        assertNotNull(setCookie);
        List<String> attributes = new ArrayList<>();
        for (String part : setCookie.split(";")) {
            attributes.add(part.strip().toLowerCase(Locale.ROOT));
        }
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=strict"), setCookie);
        assertFalse(setCookie.contains(body.get("csrfToken").asText()), "the cookie is not the CSRF token");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void each_sign_in_gets_a_new_session_and_csrf_token() {
        String email = newOperatorEmail();
        ApiClient.Response first = signIn(node.client(), email, TestNode.OPERATOR_PASSWORD);
        ApiClient.Response second = signIn(node.client(), email, TestNode.OPERATOR_PASSWORD);
        assertFalse(sessionCookie(first).equals(sessionCookie(second)));
        assertFalse(first.text("csrfToken").equals(second.text("csrfToken")));
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401() {
        String email = newOperatorEmail();
        ApiClient.Response wrongPassword = signIn(node.client(), email, "not the right password at all");
        ApiClient.Response unknownEmail = signIn(node.client(), TestNode.uniqueEmail("nobody"),
                "not the right password at all");
        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertNull(wrongPassword.header("Set-Cookie"));
        assertNull(unknownEmail.header("Set-Cookie"));
        assertFalse(wrongPassword.body().contains("not the right password"));
    }

    @Test
    void the_email_is_matched_without_regard_to_case() {
        String email = newOperatorEmail();
        assertEquals(200, signIn(node.client(), email.toUpperCase(Locale.ROOT), TestNode.OPERATOR_PASSWORD).status());
    }

    @Test
    void repeated_failed_sign_ins_for_one_email_are_slowed_with_429_and_retry_after() {
        String email = newOperatorEmail();
        ApiClient.Response limited = null;
        for (int attempt = 0; attempt < 12 && limited == null; attempt++) {
            ApiClient.Response r = signIn(node.client(), email, "wrong password number " + attempt);
            if (r.status() == 429) {
                limited = r;
            } else {
                assertProblem(r, 401);
            }
        }
        assertNotNull(limited, "no 429 after 12 failed sign-ins");
        assertProblem(limited, 429);
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1, limited.header("Retry-After"));
    }

    @Test
    void a_sign_in_without_email_or_password_is_400() {
        ApiClient client = node.client();
        assertFieldError(client.post("/api/v1/session", Map.of("email", "x@example.com")), 400, "password");
        assertFieldError(client.post("/api/v1/session", Map.of("password", "whatever it is")), 400, "email");
        assertFieldError(client.post("/api/v1/session",
                Map.of("email", "x@example.com", "password", "whatever it is", "remember", true)), 400, "remember");
        assertProblem(client.post("/api/v1/session", "{\"email\":"), 400);
    }

    @Test
    void a_safe_request_with_the_cookie_needs_no_csrf_header() {
        ApiClient operator = node.newOperator("reader").withoutCsrf();
        ApiClient.Response r = operator.get("/api/v1/accounts");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("accounts").isArray());
    }

    @Test
    void an_unsafe_request_with_the_cookie_but_without_the_csrf_header_is_403() {
        ApiClient operator = node.newOperator("csrf");
        String csrf = operator.csrf();
        operator.withoutCsrf();
        assertProblem(operator.post("/api/v1/keys", Map.of("name", "no csrf")), 403);
        assertProblem(operator.send("POST", "/api/v1/keys", Map.of("name", "wrong csrf"),
                Map.of("X-CSRF-Token", "not-the-token")), 403);
        assertProblem(operator.send("POST", "/api/v1/keys", Map.of("name", "empty csrf"),
                Map.of("X-CSRF-Token", "")), 403);
        assertProblem(operator.delete("/api/v1/session"), 403);

        ApiClient.Response ok = operator.send("POST", "/api/v1/keys", Map.of("name", "with csrf"),
                Map.of("X-CSRF-Token", csrf));
        assertEquals(201, ok.status(), ok.body());
        assertEquals(200, operator.get("/api/v1/keys").status(), "the session survived the refusals");
    }

    @Test
    void the_csrf_token_of_another_session_is_refused() {
        ApiClient first = node.newOperator("csrf-a");
        ApiClient second = node.newOperator("csrf-b");
        String foreign = second.csrf();
        first.withoutCsrf();
        assertProblem(first.send("POST", "/api/v1/keys", Map.of("name", "foreign csrf"),
                Map.of("X-CSRF-Token", foreign)), 403);
    }

    @Test
    void signing_out_answers_204_and_the_cookie_no_longer_works() {
        String email = newOperatorEmail();
        ApiClient client = node.client();
        ApiClient.Response signedIn = signIn(client, email, TestNode.OPERATOR_PASSWORD);
        String cookie = sessionCookie(signedIn);
        String csrf = signedIn.text("csrfToken");
        ApiClient replay = node.client();
        assertEquals(200, replay.send("GET", "/api/v1/accounts", null, Map.of("Cookie", cookie)).status(),
                "the cookie works before signing out");

        ApiClient.Response out = client.send("DELETE", "/api/v1/session", null, Map.of("X-CSRF-Token", csrf));
        assertEquals(204, out.status(), out.body());

        assertProblem(node.client().send("GET", "/api/v1/accounts", null, Map.of("Cookie", cookie)), 401);
        assertProblem(node.client().send("POST", "/api/v1/keys", Map.of("name", "after sign-out"),
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf)), 401);
        assertProblem(client.get("/api/v1/accounts"), 401);
    }

    @Test
    void signing_out_ends_only_that_session() {
        String email = newOperatorEmail();
        ApiClient first = node.client().signIn(email, TestNode.OPERATOR_PASSWORD);
        ApiClient second = node.client().signIn(email, TestNode.OPERATOR_PASSWORD);
        assertEquals(204, first.delete("/api/v1/session").status());
        assertEquals(200, second.get("/api/v1/accounts").status());
    }

    @Test
    void the_management_api_answers_401_without_credentials() {
        ApiClient anonymous = node.client();
        String sid = "AC" + "1".repeat(32);
        for (String path : new String[] {"/api/v1/accounts", "/api/v1/keys", "/api/v1/accounts/" + sid,
            "/api/v1/accounts/" + sid + "/legacy-token", "/api/v1/accounts/" + sid + "/legacy-token/credentials",
            "/api/v1/accounts/" + sid + "/audit"}) {
            assertProblem(anonymous.get(path), 401);
        }
        assertProblem(anonymous.post("/api/v1/accounts", Map.of("name", "x")), 401);
        assertProblem(anonymous.post("/api/v1/keys", Map.of("name", "x")), 401);
        assertProblem(anonymous.post("/api/v1/operators",
                Map.of("email", "x@example.com", "password", "long enough password")), 401);
        assertProblem(anonymous.delete("/api/v1/session"), 401);
        assertProblem(anonymous.delete("/api/v1/keys/whatever"), 401);
        assertProblem(anonymous.put("/api/v1/accounts/" + sid + "/members/x@example.com", Map.of("role", "viewer")), 401);
        assertProblem(anonymous.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null), 401);
    }

    @Test
    void a_made_up_cookie_or_bearer_key_is_401() {
        assertProblem(node.client().send("GET", "/api/v1/accounts", null,
                Map.of("Cookie", "tokendesk_session=made-up")), 401);
        assertProblem(node.client().withBearer("tdmk_" + "a".repeat(40)).get("/api/v1/accounts"), 401);
        assertProblem(node.client().withBearer("something-else").get("/api/v1/accounts"), 401);
    }
}
