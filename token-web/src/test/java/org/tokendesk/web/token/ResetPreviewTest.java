package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** Old-token sightings on the card and the reset preview (API.md section 8). */
class ResetPreviewTest {

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

    private static String base(String sid) {
        return "/api/v1/accounts/" + sid + "/legacy-token";
    }

    private static String integration(String sid, String name, List<String> scopes) {
        return admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", name, "ownerName", "Ann",
                "ownerEmail", name.toLowerCase() + "@example.com", "scopes", scopes)).text("id");
    }

    @Test
    void a_check_with_a_reset_token_answers_401_and_appears_on_the_card_with_client_user_agent_and_path() {
        String sid = admin.createAccount("Sightings");
        LegacyTokens tokens = admin.enableLegacyTokens(sid);
        assertTrue(admin.get(base(sid)).json().get("readWrite").get("staleUse").isNull(), "null when none");
        assertEquals(200, admin.post(base(sid) + "/read-write/reset", null).status());
        String client = TestNode.uniqueAddress();
        ApiClient.Response check = admin.check(sid, tokens.readWrite(), Map.of("X-Real-IP", client,
                "User-Agent", "billing-cron/1.0", "X-Original-URI", "/orders/7?token=secret-in-query"));
        assertEquals(401, check.status());
        ApiClient.Response verify = node.client().send("POST", "/v1/verify",
                Map.of("accountSid", sid, "authToken", tokens.readWrite()),
                Map.of("X-Real-IP", client, "User-Agent", "billing-cron/1.0", "X-Forwarded-Uri", "/orders/8"));
        assertEquals("token_reset", verify.json().get("code").asText());

        JsonNode staleUse = Eventually.waitFor("sightings on the card", Duration.ofSeconds(10),
                () -> admin.get(base(sid)).json().get("readWrite").get("staleUse"), s -> !s.isNull() && s.get("count").asLong() == 2);
        assertTimestamp(staleUse.get("lastSeenAt"));
        JsonNode clients = staleUse.get("clients");
        assertEquals(2, clients.size());
        assertEquals("/orders/8", clients.get(0).get("uri").asText(), "most recent first");
        JsonNode first = clients.get(1);
        assertEquals(client, first.get("address").asText());
        assertEquals("billing-cron/1.0", first.get("userAgent").asText());
        assertEquals("/orders/7", first.get("uri").asText());
        assertEquals(1, first.get("count").asLong());
        assertFalse(admin.get(base(sid)).body().contains("secret-in-query"), "the query string is never kept");
        assertTrue(admin.get(base(sid)).json().get("readOnly").get("staleUse").isNull());
    }

    @Test
    void the_preview_names_the_integrations_and_channels_a_reset_would_notify_and_the_recent_clients() {
        String sid = admin.createAccount("Preview");
        LegacyTokens tokens = admin.enableLegacyTokens(sid);
        String billing = integration(sid, "Billing", List.of("read_write"));
        integration(sid, "Reports", List.of("read_only"));
        String client = TestNode.uniqueAddress();
        assertEquals(204, admin.check(sid, tokens.readWrite(), Map.of("X-Real-IP", client, "User-Agent", "billing/3")).status());

        // lastUsedAt and the client tallies are flushed by two jobs of their own, each every 2 s
        JsonNode preview = Eventually.waitFor("a recent client and the last use", Duration.ofSeconds(10),
                () -> admin.get(base(sid) + "/read-write/reset-preview").json(),
                p -> p.get("recentClients").size() == 1 && !p.path("lastUsedAt").isNull());
        assertEquals("read_write", preview.get("scope").asText());
        assertEquals(1, preview.get("integrations").size());
        JsonNode told = preview.get("integrations").get(0);
        assertEquals(billing, told.get("id").asText());
        assertEquals("Billing", told.get("name").asText());
        assertEquals("billing@example.com", told.get("ownerEmail").asText());
        assertTrue(told.get("channels").isArray());
        assertTimestamp(preview.get("lastUsedAt"));
        JsonNode recent = preview.get("recentClients").get(0);
        assertEquals(client, recent.get("address").asText());
        assertEquals("billing/3", recent.get("userAgent").asText());
        assertEquals(1, recent.get("count").asLong());
        assertTimestamp(recent.get("lastSeenAt"));
        assertTrue(preview.get("staleUse").isNull());

        JsonNode readOnly = admin.get(base(sid) + "/read-only/reset-preview").json();
        assertEquals("Reports", readOnly.get("integrations").get(0).get("name").asText());
        assertTrue(readOnly.get("lastUsedAt").isNull());
        assertEquals(0, readOnly.get("recentClients").size());
    }

    @Test
    void after_a_reset_the_preview_shows_the_old_token_sightings_and_no_clients_of_the_previous_token() {
        String sid = admin.createAccount("Preview after reset");
        LegacyTokens tokens = admin.enableLegacyTokens(sid);
        assertEquals(204, admin.check(sid, tokens.readOnly(), Map.of("X-Real-IP", TestNode.uniqueAddress())).status());
        Eventually.waitFor("a recent client", Duration.ofSeconds(10),
                () -> admin.get(base(sid) + "/read-only/reset-preview").json(), p -> p.get("recentClients").size() == 1);
        admin.post(base(sid) + "/read-only/reset", null);
        admin.check(sid, tokens.readOnly(), Map.of("X-Real-IP", TestNode.uniqueAddress()));
        JsonNode preview = Eventually.waitFor("a sighting", Duration.ofSeconds(10),
                () -> admin.get(base(sid) + "/read-only/reset-preview").json(), p -> !p.get("staleUse").isNull());
        assertEquals(1, preview.get("staleUse").get("count").asLong());
        assertEquals(0, preview.get("recentClients").size());
    }

    @Test
    void the_preview_is_for_admins_viewers_get_403_and_non_members_404() {
        String sid = admin.createAccount("Preview access");
        admin.enableLegacyTokens(sid);
        ApiClient viewer = node.newOperator("preview-viewer");
        admin.putMember(sid, viewer.email(), "viewer");
        ApiClient stranger = node.newOperator("preview-stranger");
        assertProblem(viewer.get(base(sid) + "/read-write/reset-preview"), 403);
        assertProblem(stranger.get(base(sid) + "/read-write/reset-preview"), 404);
        assertProblem(node.client().get(base(sid) + "/read-write/reset-preview"), 401);
        assertProblem(admin.get(base(sid) + "/sideways/reset-preview"), 404);
        String empty = admin.createAccount("No tokens");
        assertProblem(admin.get(base(empty) + "/read-write/reset-preview"), 404);
    }
}
