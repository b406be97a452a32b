package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** The legacy token card: enable, show, change API version, reveal, reset (API.md section 3). */
class LegacyTokenCardTest {

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

    private static String card(String sid) {
        return "/api/v1/accounts/" + sid + "/legacy-token";
    }

    private static String hintOf(String token) {
        return "…" + token.substring(token.length() - 4);
    }

    /** An account with a viewer (tokens not enabled yet). */
    private static Team team() {
        String sid = admin.createAccount("Card");
        ApiClient viewer = node.newOperator("card-viewer");
        admin.putMember(sid, viewer.email(), "viewer");
        return new Team(sid, viewer);
    }

    private record Team(String sid, ApiClient viewer) {
    }

    private static void assertTokenState(JsonNode state) {
        assertTrue(state.isObject(), String.valueOf(state));
        for (String field : new String[] {"hint", "createdAt", "lastResetAt", "lastUsedAt"}) {
            assertTrue(state.has(field), field + " missing in " + state);
        }
        assertTrue(state.get("hint").asText().matches("….{4}"), state.toString());
        assertTimestamp(state.get("createdAt"));
    }

    @Test
    void enabling_answers_201_with_every_field_of_the_card() {
        String sid = admin.createAccount("Enable");
        ApiClient.Response r = admin.post(card(sid), null);
        assertEquals(201, r.status(), r.body());
        JsonNode c = r.json();
        assertEquals(sid, c.get("accountSid").asText());
        assertTrue(c.get("legacy").isBoolean() && c.get("legacy").asBoolean(), r.body());
        JsonNode available = c.get("availableApiVersions");
        assertTrue(available.isArray() && available.size() > 0, r.body());
        boolean listed = false;
        for (JsonNode v : available) {
            listed |= v.asText().equals(c.get("apiVersion").asText());
        }
        assertTrue(listed, "the API version is one of the available ones: " + r.body());
        Instant createdAt = assertTimestamp(c.get("createdAt"));
        assertTokenState(c.get("readWrite"));
        assertTokenState(c.get("readOnly"));
        for (String scope : new String[] {"readWrite", "readOnly"}) {
            assertTrue(c.get(scope).get("lastResetAt").isNull(), r.body());
            assertTrue(c.get(scope).get("lastUsedAt").isNull(), r.body());
            assertEquals(createdAt, assertTimestamp(c.get(scope).get("createdAt")));
        }

        JsonNode revealed = admin.get(card(sid) + "/credentials").json();
        String rw = revealed.get("readWrite").get("authToken").asText();
        String ro = revealed.get("readOnly").get("authToken").asText();
        assertEquals(hintOf(rw), c.get("readWrite").get("hint").asText());
        assertEquals(hintOf(ro), c.get("readOnly").get("hint").asText());
        assertNoSecret(r, rw, ro);
    }

    @Test
    void enabling_twice_is_409() {
        String sid = admin.createAccount("Twice");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        assertProblem(admin.post(card(sid), null), 409);
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status(), "the tokens are unchanged");
    }

    @Test
    void a_viewer_cannot_enable_legacy_tokens() {
        Team team = team();
        assertProblem(team.viewer().post(card(team.sid()), null), 403);
        assertProblem(admin.get(card(team.sid())), 404);
    }

    @Test
    void enabling_refuses_a_body_with_unknown_fields() {
        String sid = admin.createAccount("Strict enable");
        assertProblem(admin.post(card(sid), Map.of("apiVersion", "v11")), 400);
        assertProblem(admin.get(card(sid)), 404);
    }

    @Test
    void the_card_is_404_before_enabling() {
        Team team = team();
        assertProblem(admin.get(card(team.sid())), 404);
        assertProblem(team.viewer().get(card(team.sid())), 404);
        assertProblem(admin.patch(card(team.sid()), Map.of("apiVersion", "v11")), 404);
        assertProblem(admin.get(card(team.sid()) + "/credentials"), 404);
        assertProblem(admin.post(card(team.sid()) + "/read-write/reset", null), 404);
        assertEquals(200, admin.get("/api/v1/accounts/" + team.sid()).status(), "the account itself is there");
    }

    @Test
    void admins_and_viewers_read_the_card_without_secrets() {
        Team team = team();
        LegacyTokens t = admin.enableLegacyTokens(team.sid());
        ApiClient.Response forAdmin = admin.get(card(team.sid()));
        ApiClient.Response forViewer = team.viewer().get(card(team.sid()));
        assertEquals(200, forAdmin.status(), forAdmin.body());
        assertEquals(200, forViewer.status(), forViewer.body());
        assertEquals(forAdmin.json(), forViewer.json());
        assertTokenState(forViewer.json().get("readWrite"));
        assertTokenState(forViewer.json().get("readOnly"));
        assertNoSecret(forViewer, t.readWrite(), t.readOnly());
    }

    @Test
    void changing_the_api_version_answers_200_with_the_new_card() {
        String sid = admin.createAccount("Version");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        JsonNode before = admin.get(card(sid)).json();
        String target = null;
        for (JsonNode v : before.get("availableApiVersions")) {
            if (!v.asText().equals(before.get("apiVersion").asText())) {
                target = v.asText();
            }
        }
        ApiClient.Response r = admin.patch(card(sid), Map.of("apiVersion", target));
        assertEquals(200, r.status(), r.body());
        assertEquals(target, r.json().get("apiVersion").asText());
        assertEquals(before.get("readWrite"), r.json().get("readWrite"));
        assertEquals(target, admin.get(card(sid)).json().get("apiVersion").asText());
        assertEquals(target, admin.check(sid, t.readOnly(), Map.of()).header("X-Api-Version"));
        assertEquals(200, admin.patch(card(sid), Map.of("apiVersion", target)).status(), "the same version again");
    }

    @Test
    void an_api_version_that_is_not_available_is_422() {
        String sid = admin.createAccount("Bad version");
        admin.enableLegacyTokens(sid);
        String current = admin.get(card(sid)).text("apiVersion");
        assertFieldError(admin.patch(card(sid), Map.of("apiVersion", "v999")), 422, "apiVersion");
        assertFieldError(admin.patch(card(sid), Map.of("apiVersion", "V12")), 422, "apiVersion");
        assertEquals(current, admin.get(card(sid)).text("apiVersion"));
    }

    @Test
    void a_missing_api_version_or_an_unknown_field_is_400() {
        String sid = admin.createAccount("Malformed patch");
        admin.enableLegacyTokens(sid);
        assertFieldError(admin.patch(card(sid), Map.of()), 400, "apiVersion");
        assertFieldError(admin.patch(card(sid), Map.of("apiVersion", "v11", "legacy", false)), 400, "legacy");
        assertProblem(admin.patch(card(sid), "{\"apiVersion\": "), 400);
        assertProblem(admin.patch(card(sid), Map.of("apiVersion", List.of("v11"))), 400);
    }

    @Test
    void a_viewer_cannot_change_the_api_version() {
        Team team = team();
        admin.enableLegacyTokens(team.sid());
        assertProblem(team.viewer().patch(card(team.sid()), Map.of("apiVersion", "v11")), 403);
    }

    @Test
    void an_admin_sees_both_tokens_uncached_and_they_pass_checks() {
        String sid = admin.createAccount("Credentials");
        assertEquals(201, admin.post(card(sid), null).status());
        ApiClient.Response r = admin.get(card(sid) + "/credentials");
        assertEquals(200, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        JsonNode c = r.json();
        assertEquals(sid, c.get("accountSid").asText());
        String rw = c.get("readWrite").get("authToken").asText();
        String ro = c.get("readOnly").get("authToken").asText();
        assertNotEquals(rw, ro);
        assertTrue(rw.length() >= 27 && ro.length() >= 27, "at least 160 bits of entropy need some length");
        assertEquals("read_write", admin.check(sid, rw, Map.of()).header("X-Token-Scope"));
        assertEquals("read_only", admin.check(sid, ro, Map.of()).header("X-Token-Scope"));
        assertEquals(c, admin.get(card(sid) + "/credentials").json(), "the same tokens again");
    }

    @Test
    void a_viewer_cannot_see_the_tokens() {
        Team team = team();
        LegacyTokens t = admin.enableLegacyTokens(team.sid());
        ApiClient.Response r = team.viewer().get(card(team.sid()) + "/credentials");
        assertProblem(r, 403);
        assertNoSecret(r, t.readWrite(), t.readOnly());
    }

    @Test
    void revealing_the_tokens_is_audited() {
        String sid = admin.createAccount("Revealed");
        admin.enableLegacyTokens(sid);
        JsonNode newest = admin.get("/api/v1/accounts/" + sid + "/audit").json().get("events").get(0);
        assertEquals("legacy_token.revealed", newest.get("action").asText());
        assertEquals(TestNode.ADMIN_EMAIL, newest.get("actor").asText());
        assertEquals(sid, newest.get("accountSid").asText());
    }

    @Test
    void resetting_the_read_write_token_answers_200_with_the_new_token() {
        String sid = admin.createAccount("Reset rw");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        ApiClient.Response r = admin.post(card(sid) + "/read-write/reset", null);
        assertEquals(200, r.status(), r.body());
        JsonNode reset = r.json();
        assertEquals(sid, reset.get("accountSid").asText());
        assertEquals("read_write", reset.get("scope").asText());
        String fresh = reset.get("authToken").asText();
        assertNotEquals(t.readWrite(), fresh);
        Instant resetAt = assertTimestamp(reset.get("resetAt"));
        assertTrue(Duration.between(resetAt, Instant.now()).abs().toMinutes() < 5, "resetAt is now");
        assertTrue(reset.get("noticesQueued").isIntegralNumber() && reset.get("noticesQueued").asInt() >= 0, r.body());

        assertEquals(401, admin.check(sid, t.readWrite(), Map.of()).status());
        assertEquals(204, admin.check(sid, fresh, Map.of("X-Original-Method", "DELETE")).status());
        assertEquals(fresh, admin.get(card(sid) + "/credentials").json().get("readWrite").get("authToken").asText());
    }

    @Test
    void resetting_the_read_only_token_answers_200_and_leaves_the_read_write_token_alone() {
        String sid = admin.createAccount("Reset ro");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        ApiClient.Response r = admin.post(card(sid) + "/read-only/reset", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("read_only", r.text("scope"));
        assertEquals(sid, r.text("accountSid"));
        assertTimestamp(r.json().get("resetAt"));
        assertTrue(r.json().get("noticesQueued").isIntegralNumber());
        String fresh = r.text("authToken");
        assertEquals(401, admin.check(sid, t.readOnly(), Map.of()).status());
        assertEquals("read_only", admin.check(sid, fresh, Map.of()).header("X-Token-Scope"));
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status());
    }

    @Test
    void the_card_shows_the_reset_time_and_the_new_hint_after_a_reset() {
        String sid = admin.createAccount("Card after reset");
        admin.enableLegacyTokens(sid);
        JsonNode before = admin.get(card(sid)).json();
        ApiClient.Response r = admin.post(card(sid) + "/read-write/reset", null);
        Instant resetAt = assertTimestamp(r.json().get("resetAt"));

        JsonNode after = admin.get(card(sid)).json();
        assertEquals(resetAt, assertTimestamp(after.get("readWrite").get("lastResetAt")));
        assertEquals(hintOf(r.text("authToken")), after.get("readWrite").get("hint").asText());
        assertEquals(before.get("readWrite").get("createdAt"), after.get("readWrite").get("createdAt"));
        assertEquals(before.get("readOnly"), after.get("readOnly"), "the other scope is unchanged");
        assertNoSecret(admin.get(card(sid)), r.text("authToken"));
    }

    @Test
    void an_unknown_scope_in_the_reset_path_is_404() {
        String sid = admin.createAccount("Bad scope");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        for (String scope : new String[] {"read_write", "readWrite", "admin", "READ-ONLY"}) {
            assertProblem(admin.post(card(sid) + "/" + scope + "/reset", null), 404);
        }
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status());
    }

    @Test
    void a_viewer_cannot_reset() {
        Team team = team();
        LegacyTokens t = admin.enableLegacyTokens(team.sid());
        assertProblem(team.viewer().post(card(team.sid()) + "/read-write/reset", null), 403);
        assertProblem(team.viewer().post(card(team.sid()) + "/read-only/reset", null), 403);
        assertEquals(204, admin.check(team.sid(), t.readWrite(), Map.of()).status());
        assertEquals(204, admin.check(team.sid(), t.readOnly(), Map.of()).status());
    }

    @Test
    void a_reset_refuses_a_body_with_unknown_fields() {
        String sid = admin.createAccount("Strict reset");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        assertProblem(admin.post(card(sid) + "/read-write/reset", Map.of("whenever", "now")), 400);
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status(), "nothing was reset");
    }

    @Test
    void the_card_shows_last_use_after_a_passing_check() {
        String sid = admin.createAccount("Used");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status());

        JsonNode state = Eventually.waitFor("lastUsedAt on the card", Duration.ofSeconds(10),
                () -> admin.get(card(sid)).json().get("readWrite"), s -> !s.get("lastUsedAt").isNull());
        Instant lastUsed = assertTimestamp(state.get("lastUsedAt"));
        assertFalse(lastUsed.isBefore(before), lastUsed.toString());
        assertTrue(admin.get(card(sid)).json().get("readOnly").get("lastUsedAt").isNull(), "the unused token");
    }

    @Test
    void a_new_token_is_not_shown_as_used_before_it_is_used() {
        String sid = admin.createAccount("Used then reset");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status());
        Eventually.waitFor("lastUsedAt of the old token", Duration.ofSeconds(10),
                () -> admin.get(card(sid)).json().get("readWrite"), s -> !s.get("lastUsedAt").isNull());

        ApiClient.Response reset = admin.post(card(sid) + "/read-write/reset", null);
        assertEquals(200, reset.status());
        JsonNode state = admin.get(card(sid)).json().get("readWrite");
        assertTrue(state.get("lastUsedAt").isNull(), "the new token has not been used: " + state);
    }

    @Test
    void a_use_of_the_old_token_just_before_a_reset_is_not_credited_to_the_new_token() {
        String sid = admin.createAccount("Used just before reset");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        assertEquals(204, admin.check(sid, t.readOnly(), Map.of()).status());
        ApiClient.Response reset = admin.post(card(sid) + "/read-only/reset", null);
        assertEquals(200, reset.status());
        Instant resetAt = assertTimestamp(reset.json().get("resetAt"));
        assertEquals(204, admin.check(sid, t.readWrite(), Map.of()).status());
        Eventually.waitFor("the usage flush", Duration.ofSeconds(10),
                () -> admin.get(card(sid)).json().get("readWrite"), s -> !s.get("lastUsedAt").isNull());
        JsonNode state = admin.get(card(sid)).json().get("readOnly");
        assertTrue(state.get("lastUsedAt").isNull()
                || !assertTimestamp(state.get("lastUsedAt")).isBefore(resetAt), "used before it existed: " + state);
    }
}
