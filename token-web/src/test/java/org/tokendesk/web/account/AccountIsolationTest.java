package org.tokendesk.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * Everything under {@code /api/v1/accounts/{accountSid}} answers 404 to a non-member, exactly as
 * for an account that does not exist: API.md section 3.
 */
class AccountIsolationTest {

    static TestNode node;
    static ApiClient admin;
    static LegacyTokens tokens;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        admin = node.admin();
        tokens = admin.enableLegacyTokens(admin.createAccount("Private"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** One request to each route under the account. */
    private static List<Function<ApiClient, ApiClient.Response>> routes(String sid, String memberEmail) {
        String base = "/api/v1/accounts/" + sid;
        return List.of(
                c -> c.get(base),
                c -> c.get(base + "/legacy-token"),
                c -> c.post(base + "/legacy-token", null),
                c -> c.patch(base + "/legacy-token", Map.of("apiVersion", "v11")),
                c -> c.get(base + "/legacy-token/credentials"),
                c -> c.post(base + "/legacy-token/read-write/reset", null),
                c -> c.post(base + "/legacy-token/read-only/reset", null),
                c -> c.put(base + "/members/" + memberEmail, Map.of("role", "admin")),
                c -> c.delete(base + "/members/" + memberEmail),
                c -> c.delete(base + "/members/" + TestNode.ADMIN_EMAIL),
                c -> c.get(base + "/audit"),
                c -> c.get(base + "/audit?limit=1"));
    }

    private static JsonNode withoutSid(JsonNode problem, String sid) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) problem.deepCopy())
                .put("detail", problem.get("detail").asText().replace(sid, "<sid>"));
    }

    @Test
    void a_non_member_gets_404_on_every_account_route_exactly_as_for_an_unknown_account() {
        ApiClient outsider = node.newOperator("outsider");
        String unknown = "AC" + "0123456789abcdef".repeat(2);
        List<Function<ApiClient, ApiClient.Response>> existing = routes(tokens.accountSid(), outsider.email());
        List<Function<ApiClient, ApiClient.Response>> missing = routes(unknown, outsider.email());
        for (int i = 0; i < existing.size(); i++) {
            ApiClient.Response real = existing.get(i).apply(outsider);
            ApiClient.Response fake = missing.get(i).apply(outsider);
            JsonNode realProblem = assertProblem(real, 404);
            JsonNode fakeProblem = assertProblem(fake, 404);
            assertEquals(withoutSid(fakeProblem, unknown), withoutSid(realProblem, tokens.accountSid()),
                    "route " + i + " tells an existing account from a missing one");
            assertNoSecret(real, tokens.readWrite(), tokens.readOnly());
        }
    }

    @Test
    void a_non_member_changes_nothing() {
        ApiClient outsider = node.newOperator("outsider");
        for (Function<ApiClient, ApiClient.Response> route : routes(tokens.accountSid(), outsider.email())) {
            route.apply(outsider);
        }
        assertEquals(204, admin.check(tokens.accountSid(), tokens.readWrite(), Map.of()).status());
        assertEquals(204, admin.check(tokens.accountSid(), tokens.readOnly(), Map.of()).status());
        assertEquals(404, outsider.get("/api/v1/accounts/" + tokens.accountSid()).status(), "still not a member");
        assertEquals(List.of(), outsider.get("/api/v1/accounts").json().findValuesAsText("accountSid"));
    }

    @Test
    void a_non_member_with_a_management_key_gets_404_too() {
        ApiClient outsider = node.newOperator("outsider-key");
        String key = outsider.post("/api/v1/keys", Map.of("name", "probe")).text("key");
        ApiClient bearer = node.client().withBearer(key);
        for (Function<ApiClient, ApiClient.Response> route : routes(tokens.accountSid(), outsider.email())) {
            assertProblem(route.apply(bearer), 404);
        }
    }

    @Test
    void a_malformed_account_sid_is_404_on_every_route() {
        ApiClient outsider = node.newOperator("malformed");
        for (String bad : new String[] {"nope", "AC123", tokens.accountSid().toUpperCase(java.util.Locale.ROOT),
            "ac" + tokens.accountSid().substring(2), tokens.accountSid() + "0"}) {
            for (Function<ApiClient, ApiClient.Response> route : routes(bad, outsider.email())) {
                assertProblem(route.apply(admin), 404);
            }
        }
    }

    @Test
    void a_member_of_another_account_is_still_a_non_member_here() {
        String other = admin.createAccount("Other");
        ApiClient operator = node.newOperator("elsewhere");
        admin.putMember(other, operator.email(), "admin");
        assertEquals(200, operator.get("/api/v1/accounts/" + other).status());
        for (Function<ApiClient, ApiClient.Response> route : routes(tokens.accountSid(), operator.email())) {
            ApiClient.Response r = route.apply(operator);
            assertProblem(r, 404);
            assertNull(r.header("X-Account-Sid"));
        }
    }

    @Test
    void a_non_member_gets_404_even_for_a_malformed_request() {
        ApiClient outsider = node.newOperator("sloppy-outsider");
        String base = "/api/v1/accounts/" + tokens.accountSid();
        assertProblem(outsider.patch(base + "/legacy-token", Map.of()), 404);
        assertProblem(outsider.post(base + "/legacy-token", Map.of("apiVersion", "v11")), 404);
        assertProblem(outsider.post(base + "/legacy-token/read-write/reset", Map.of("x", 1)), 404);
        assertProblem(outsider.put(base + "/members/" + outsider.email(), Map.of("role", "owner")), 404);
        assertProblem(outsider.get(base + "/audit?limit=0"), 404);
    }
}
