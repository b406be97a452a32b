package org.tokendesk.web.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** {@code POST /api/v1/operators}: API.md section 2. */
class OperatorTest {

    private static final String PASSWORD = "a perfectly fine passphrase";

    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static ApiClient.Response create(Object body) {
        return admin.post("/api/v1/operators", body);
    }

    @Test
    void a_platform_admin_creates_an_operator_who_can_then_sign_in() {
        String email = TestNode.uniqueEmail("new");
        ApiClient.Response r = create(Map.of("email", email, "password", PASSWORD, "name", "New Person"));
        assertEquals(201, r.status(), r.body());
        JsonNode operator = r.json();
        assertEquals(email, operator.get("email").asText());
        assertFalse(r.body().contains(PASSWORD));
        assertFalse(r.body().toLowerCase(Locale.ROOT).contains("argon"), r.body());
        ApiClient signedIn = node.client().signIn(email, PASSWORD);
        assertEquals(200, signedIn.get("/api/v1/accounts").status());
    }

    @Test
    void the_name_is_optional() {
        String email = TestNode.uniqueEmail("nameless");
        assertEquals(201, create(Map.of("email", email, "password", PASSWORD)).status());
    }

    @Test
    void an_operator_who_is_not_a_platform_admin_gets_403() {
        ApiClient operator = node.newOperator("plain");
        ApiClient.Response r = operator.post("/api/v1/operators",
                Map.of("email", TestNode.uniqueEmail("by-plain"), "password", PASSWORD));
        assertProblem(r, 403);
        assertFalse(r.body().contains(PASSWORD));
    }

    @Test
    void an_existing_email_is_409_whatever_its_case() {
        String email = TestNode.uniqueEmail("twice");
        assertEquals(201, create(Map.of("email", email, "password", PASSWORD)).status());
        assertProblem(create(Map.of("email", email, "password", PASSWORD)), 409);
        assertProblem(create(Map.of("email", email.toUpperCase(Locale.ROOT), "password", PASSWORD)), 409);
        assertProblem(create(Map.of("email", TestNode.ADMIN_EMAIL, "password", PASSWORD)), 409);
    }

    @Test
    void a_short_password_is_400_with_a_password_field_error_that_does_not_echo_it() {
        ApiClient.Response r = create(Map.of("email", TestNode.uniqueEmail("short"), "password", "Short1!pw"));
        assertFieldError(r, 400, "password");
        assertFalse(r.body().contains("Short1!pw"));
    }

    @Test
    void a_common_password_is_400_with_a_password_field_error() {
        for (String common : new String[] {"passwordpassword", "correcthorsebatterystaple", "PasswordPassword"}) {
            ApiClient.Response r = create(Map.of("email", TestNode.uniqueEmail("common"), "password", common));
            assertFieldError(r, 400, "password");
            assertFalse(r.body().contains(common), r.body());
        }
    }

    @Test
    void a_missing_password_is_400() {
        assertFieldError(create(Map.of("email", TestNode.uniqueEmail("nopassword"))), 400, "password");
    }

    @Test
    void a_bad_email_is_400_with_an_email_field_error() {
        for (String email : new String[] {"not-an-email", "two@@example.com", "spaces in@example.com", ""}) {
            assertFieldError(create(Map.of("email", email, "password", PASSWORD)), 400, "email");
        }
        assertFieldError(create(Map.of("password", PASSWORD)), 400, "email");
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        ApiClient.Response r = create(Map.of("email", "nope", "password", "short"));
        assertFieldError(r, 400, "email");
        assertFieldError(r, 400, "password");
    }

    @Test
    void an_unknown_field_is_400() {
        assertFieldError(create(Map.of("email", TestNode.uniqueEmail("unknown"), "password", PASSWORD,
                "role", "admin")), 400, "role");
    }

    @Test
    void a_refused_operator_is_not_created() {
        String email = TestNode.uniqueEmail("refused");
        assertFieldError(create(Map.of("email", email, "password", "short")), 400, "password");
        assertEquals(201, create(Map.of("email", email, "password", PASSWORD)).status());
    }
}
