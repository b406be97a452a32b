package org.tokendesk.web.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** Personal management keys: API.md section 2. */
class ManagementKeyTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode createKey(ApiClient owner, String name) {
        ApiClient.Response r = owner.post("/api/v1/keys", Map.of("name", name));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static JsonNode listed(ApiClient owner, String id) {
        ApiClient.Response r = owner.get("/api/v1/keys");
        assertEquals(200, r.status(), r.body());
        for (JsonNode k : r.json().get("keys")) {
            if (id.equals(k.get("id").asText())) {
                return k;
            }
        }
        return null;
    }

    @Test
    void creating_a_key_answers_201_with_id_name_key_and_created_at() {
        ApiClient operator = node.newOperator("keys");
        JsonNode created = createKey(operator, "ci pipeline");
        assertFalse(created.get("id").asText().isBlank());
        assertEquals("ci pipeline", created.get("name").asText());
        assertTrue(created.get("key").asText().startsWith("tdmk_"), created.get("key").asText());
        assertTrue(created.get("key").asText().length() >= 30, "a key long enough to be unguessable");
        assertTimestamp(created.get("createdAt"));
    }

    @Test
    void two_keys_are_different() {
        ApiClient operator = node.newOperator("keys");
        assertFalse(createKey(operator, "a").get("key").asText().equals(createKey(operator, "b").get("key").asText()));
    }

    @Test
    void a_key_works_as_bearer_on_unsafe_requests_without_a_csrf_header() {
        JsonNode created = createKey(node.admin(), "automation");
        ApiClient bearer = node.client().withBearer(created.get("key").asText());
        ApiClient.Response account = bearer.post("/api/v1/accounts", Map.of("name", "Made with a key"));
        assertEquals(201, account.status(), account.body());
        String sid = account.text("accountSid");
        ApiClient.Response list = bearer.get("/api/v1/accounts");
        assertEquals(200, list.status());
        assertTrue(list.body().contains(sid));
        assertEquals(201, bearer.post("/api/v1/accounts/" + sid + "/legacy-token", null).status());
    }

    @Test
    void the_key_list_shows_a_hint_but_never_the_key_and_last_use_after_use() {
        ApiClient operator = node.newOperator("keys");
        JsonNode created = createKey(operator, "listed");
        String key = created.get("key").asText();
        String id = created.get("id").asText();

        JsonNode before = listed(operator, id);
        assertNotNull(before, "the key is listed");
        assertEquals("listed", before.get("name").asText());
        assertEquals("…" + key.substring(key.length() - 4), before.get("hint").asText());
        assertTimestamp(before.get("createdAt"));
        assertTrue(before.get("lastUsedAt") == null || before.get("lastUsedAt").isNull(), before.toString());
        assertFalse(before.has("key"), before.toString());
        assertNoSecret(operator.get("/api/v1/keys"), key);

        assertEquals(200, node.client().withBearer(key).get("/api/v1/accounts").status());
        JsonNode after = listed(operator, id);
        assertNotNull(after);
        assertTimestamp(after.get("lastUsedAt"));
        assertNoSecret(operator.get("/api/v1/keys"), key);
    }

    @Test
    void the_key_list_shows_only_the_callers_keys() {
        ApiClient mine = node.newOperator("keys-mine");
        ApiClient theirs = node.newOperator("keys-theirs");
        String id = createKey(mine, "private").get("id").asText();
        assertNotNull(listed(mine, id));
        assertNull(listed(theirs, id));
    }

    @Test
    void a_revoked_key_answers_401() {
        ApiClient operator = node.newOperator("keys");
        JsonNode created = createKey(operator, "short-lived");
        ApiClient bearer = node.client().withBearer(created.get("key").asText());
        assertEquals(200, bearer.get("/api/v1/keys").status());

        ApiClient.Response revoked = operator.delete("/api/v1/keys/" + created.get("id").asText());
        assertEquals(204, revoked.status(), revoked.body());
        assertProblem(bearer.get("/api/v1/keys"), 401);
        assertProblem(bearer.post("/api/v1/keys", Map.of("name", "revived")), 401);
        assertNull(listed(operator, created.get("id").asText()));
        assertProblem(operator.delete("/api/v1/keys/" + created.get("id").asText()), 404);
    }

    @Test
    void a_key_can_revoke_itself() {
        ApiClient operator = node.newOperator("keys");
        JsonNode created = createKey(operator, "self-revoking");
        ApiClient bearer = node.client().withBearer(created.get("key").asText());
        assertEquals(204, bearer.delete("/api/v1/keys/" + created.get("id").asText()).status());
        assertProblem(bearer.get("/api/v1/keys"), 401);
    }

    @Test
    void deleting_an_unknown_key_is_404() {
        ApiClient operator = node.newOperator("keys");
        assertProblem(operator.delete("/api/v1/keys/key_doesnotexist"), 404);
    }

    @Test
    void another_operator_cannot_delete_the_key() {
        ApiClient owner = node.newOperator("keys-owner");
        ApiClient other = node.newOperator("keys-other");
        JsonNode created = createKey(owner, "mine");
        ApiClient.Response r = other.delete("/api/v1/keys/" + created.get("id").asText());
        assertProblem(r, 404);
        assertEquals(200, node.client().withBearer(created.get("key").asText()).get("/api/v1/keys").status());
        assertProblem(node.admin().delete("/api/v1/keys/" + created.get("id").asText()), 404);
    }

    @Test
    void a_key_without_a_name_is_400() {
        ApiClient operator = node.newOperator("keys");
        assertFieldError(operator.post("/api/v1/keys", Map.of("name", "  ")), 400, "name");
        assertFieldError(operator.post("/api/v1/keys", Map.of()), 400, "name");
        assertFieldError(operator.post("/api/v1/keys", Map.of("name", "x", "scope", "all")), 400, "scope");
    }
}
