package org.tokendesk.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** Creating, listing and reading accounts: API.md section 3. */
class AccountTest {

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

    private static Set<String> visibleSids(ApiClient client) {
        ApiClient.Response r = client.get("/api/v1/accounts");
        assertEquals(200, r.status(), r.body());
        Set<String> sids = new HashSet<>();
        for (JsonNode a : r.json().get("accounts")) {
            sids.add(a.get("accountSid").asText());
        }
        return sids;
    }

    @Test
    void a_platform_admin_creates_an_account_with_201_and_every_documented_field() {
        ApiClient.Response r = admin.post("/api/v1/accounts", Map.of("name", "Acme Agency"));
        assertEquals(201, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode a = r.json();
        assertTrue(a.get("accountSid").asText().matches("AC[0-9a-f]{32}"), a.get("accountSid").asText());
        assertEquals("Acme Agency", a.get("name").asText());
        assertTrue(a.get("legacyTokensEnabled").isBoolean());
        assertFalse(a.get("legacyTokensEnabled").asBoolean());
        assertTimestamp(a.get("createdAt"));
    }

    @Test
    void every_account_gets_its_own_sid() {
        assertFalse(admin.createAccount("One").equals(admin.createAccount("Two")));
    }

    @Test
    void the_creator_becomes_an_admin_member() {
        String sid = admin.createAccount("Creator is admin");
        assertTrue(visibleSids(admin).contains(sid));
        assertEquals(201, admin.post("/api/v1/accounts/" + sid + "/legacy-token", null).status(),
                "only account admins may enable legacy tokens");
    }

    @Test
    void an_operator_who_is_not_a_platform_admin_cannot_create_accounts() {
        ApiClient operator = node.newOperator("no-accounts");
        assertProblem(operator.post("/api/v1/accounts", Map.of("name", "Not allowed")), 403);
        assertTrue(visibleSids(operator).isEmpty());
    }

    @Test
    void a_blank_or_missing_name_is_400_with_a_name_field_error() {
        assertFieldError(admin.post("/api/v1/accounts", Map.of("name", "   ")), 400, "name");
        assertFieldError(admin.post("/api/v1/accounts", Map.of("name", "")), 400, "name");
        assertFieldError(admin.post("/api/v1/accounts", Map.of()), 400, "name");
        assertProblem(admin.post("/api/v1/accounts", null), 400);
    }

    @Test
    void an_unknown_field_or_malformed_json_is_400() {
        assertFieldError(admin.post("/api/v1/accounts", Map.of("name", "X", "legacyTokensEnabled", true)), 400,
                "legacyTokensEnabled");
        assertProblem(admin.post("/api/v1/accounts", "{\"name\": \"X\""), 400);
    }

    @Test
    void the_list_shows_only_the_accounts_the_caller_is_a_member_of() {
        String shared = admin.createAccount("Shared");
        String hidden = admin.createAccount("Hidden");
        ApiClient operator = node.newOperator("member");
        admin.putMember(shared, operator.email(), "viewer");

        Set<String> visible = visibleSids(operator);
        assertEquals(Set.of(shared), visible);
        assertTrue(visibleSids(admin).containsAll(Set.of(shared, hidden)));
    }

    @Test
    void the_list_shows_each_account_with_its_fields() {
        String sid = admin.createAccount("Listed");
        ApiClient operator = node.newOperator("lister");
        admin.putMember(sid, operator.email(), "admin");
        JsonNode a = operator.get("/api/v1/accounts").json().get("accounts").get(0);
        assertEquals(sid, a.get("accountSid").asText());
        assertEquals("Listed", a.get("name").asText());
        assertFalse(a.get("legacyTokensEnabled").asBoolean());
        assertTimestamp(a.get("createdAt"));
    }

    @Test
    void a_member_reads_the_account() {
        ApiClient.Response created = admin.post("/api/v1/accounts", Map.of("name", "Readable"));
        String sid = created.text("accountSid");
        ApiClient viewer = node.newOperator("viewer");
        admin.putMember(sid, viewer.email(), "viewer");

        ApiClient.Response r = viewer.get("/api/v1/accounts/" + sid);
        assertEquals(200, r.status(), r.body());
        assertEquals(created.json(), r.json());
    }

    @Test
    void the_account_shows_legacy_tokens_enabled_after_enabling() {
        String sid = admin.createAccount("Enabled");
        admin.enableLegacyTokens(sid);
        assertTrue(admin.get("/api/v1/accounts/" + sid).json().get("legacyTokensEnabled").asBoolean());
    }

    @Test
    void a_name_that_is_not_a_string_is_400() {
        assertFieldError(admin.post("/api/v1/accounts", Map.of("name", 123)), 400, "name");
        assertFieldError(admin.post("/api/v1/accounts", Map.of("name", true)), 400, "name");
    }
}
