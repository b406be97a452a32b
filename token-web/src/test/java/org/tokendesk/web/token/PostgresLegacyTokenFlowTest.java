package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * The core flow on PostgreSQL with two nodes on one database: whatever one node does, the next
 * check on the other sees (DESIGN.md, "Scaling out").
 */
class PostgresLegacyTokenFlowTest {

    static TestNode node;
    static TestNode sibling;
    static ApiClient admin;
    static ApiClient siblingClient;

    @BeforeAll
    static void start() {
        node = TestNode.postgres();
        sibling = node.sibling();
        admin = node.admin();
        siblingClient = sibling.client();
    }

    @AfterAll
    static void stop() {
        sibling.close();
        node.close();
    }

    private static ApiClient.Response verifyOnSibling(String sid, String token, String method) {
        return siblingClient.post("/v1/verify", Map.of("accountSid", sid, "authToken", token, "method", method));
    }

    @Test
    void enable_reveal_check_reset_and_verify_across_two_nodes() {
        String sid = admin.createAccount("Postgres Acme");
        ApiClient.Response enabled = admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
        assertEquals(201, enabled.status(), enabled.body());
        ApiClient.Response credentials = admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials");
        assertEquals(200, credentials.status());
        String rw = credentials.json().get("readWrite").get("authToken").asText();
        String ro = credentials.json().get("readOnly").get("authToken").asText();
        assertNoSecret(enabled, rw, ro);

        ApiClient.Response check = siblingClient.check(sid, rw, Map.of("X-Forwarded-Method", "PATCH"));
        assertEquals(204, check.status());
        assertEquals(sid, check.header("X-Account-Sid"));
        assertEquals("read_write", check.header("X-Token-Scope"));
        assertEquals(enabled.json().get("apiVersion").asText(), check.header("X-Api-Version"));
        assertProblem(siblingClient.check(sid, ro, Map.of("X-Original-Method", "POST")), 403);
        JsonNode valid = verifyOnSibling(sid, ro, "GET").json();
        assertTrue(valid.get("valid").asBoolean());
        assertTrue(valid.get("legacy").asBoolean());
        assertEquals("read_only", valid.get("scope").asText());

        ApiClient.Response reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status(), reset.body());
        String fresh = reset.text("authToken");
        ApiClient.Response old = siblingClient.check(sid, rw, Map.of());
        assertProblem(old, 401);
        assertEquals("Basic realm=\"tokendesk\"", old.header("WWW-Authenticate"));
        JsonNode stale = verifyOnSibling(sid, rw, "GET").json();
        assertEquals("token_reset", stale.get("code").asText());
        assertEquals(assertTimestamp(reset.json().get("resetAt")), assertTimestamp(stale.get("resetAt")));
        assertEquals(204, siblingClient.check(sid, fresh, Map.of("X-Original-Method", "DELETE")).status());

        JsonNode card = siblingClient.withBearer(admin.post("/api/v1/keys", Map.of("name", "sibling")).text("key"))
                .get("/api/v1/accounts/" + sid + "/legacy-token").json();
        assertEquals(assertTimestamp(reset.json().get("resetAt")), assertTimestamp(card.get("readWrite").get("lastResetAt")));
        assertEquals("…" + fresh.substring(fresh.length() - 4), card.get("readWrite").get("hint").asText());
    }

    @Test
    void last_use_seen_by_one_node_appears_on_the_card_of_the_other() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Postgres usage"));
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(204, siblingClient.check(t.accountSid(), t.readOnly(), Map.of()).status());
        JsonNode readOnly = Eventually.waitFor("lastUsedAt on the card", Duration.ofSeconds(10),
                () -> admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token").json().get("readOnly"),
                s -> !s.get("lastUsedAt").isNull());
        assertFalse(assertTimestamp(readOnly.get("lastUsedAt")).isBefore(before));
    }

    @Test
    void two_resets_at_once_on_two_nodes_leave_exactly_one_valid_token() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Postgres race"));
        String key = admin.post("/api/v1/keys", Map.of("name", "race")).text("key");
        ApiClient here = node.client().withBearer(key);
        ApiClient there = sibling.client().withBearer(key);
        String path = "/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-write/reset";
        List<CompletableFuture<ApiClient.Response>> resets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ApiClient client = i % 2 == 0 ? here : there;
            resets.add(CompletableFuture.supplyAsync(() -> client.post(path, null)));
        }
        List<String> tokens = new ArrayList<>();
        for (CompletableFuture<ApiClient.Response> reset : resets) {
            ApiClient.Response r = reset.join();
            assertEquals(200, r.status(), r.body());
            tokens.add(r.text("authToken"));
        }
        assertEquals(4, tokens.stream().distinct().count());

        List<String> passing = new ArrayList<>();
        for (String token : tokens) {
            if (siblingClient.check(t.accountSid(), token, Map.of()).status() == 204) {
                passing.add(token);
            }
        }
        assertEquals(1, passing.size(), "exactly one of the concurrent resets wins");
        assertEquals(401, siblingClient.check(t.accountSid(), t.readWrite(), Map.of()).status());
        String current = admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token/credentials").json()
                .get("readWrite").get("authToken").asText();
        assertEquals(passing.get(0), current);

        long resetEvents = 0;
        for (JsonNode e : admin.get("/api/v1/accounts/" + t.accountSid() + "/audit").json().get("events")) {
            resetEvents += "legacy_token.reset".equals(e.get("action").asText()) ? 1 : 0;
        }
        assertEquals(4, resetEvents, "every reset is audited once");
        for (String token : tokens) {
            if (!token.equals(current)) {
                assertEquals("token_reset", verifyOnSibling(t.accountSid(), token, "GET").json().get("code").asText());
            }
        }
    }

    @Test
    void membership_and_isolation_hold_on_postgresql() {
        String sid = admin.createAccount("Postgres members");
        ApiClient viewer = node.newOperator("pg-viewer");
        ApiClient outsider = node.newOperator("pg-outsider");
        admin.putMember(sid, viewer.email(), "viewer");
        admin.enableLegacyTokens(sid);
        assertEquals(200, viewer.get("/api/v1/accounts/" + sid + "/legacy-token").status());
        assertProblem(viewer.get("/api/v1/accounts/" + sid + "/legacy-token/credentials"), 403);
        assertProblem(outsider.get("/api/v1/accounts/" + sid + "/legacy-token"), 404);
        assertProblem(admin.put("/api/v1/accounts/" + sid + "/members/" + TestNode.ADMIN_EMAIL,
                Map.of("role", "viewer")), 409);
        assertNotEquals(0, admin.get("/api/v1/accounts/" + sid + "/audit").json().get("events").size());
    }
}
