package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * Two nodes on one PostgreSQL, each with its runner and its dispatcher: resets scheduled on one
 * node run exactly once, and each owner gets one set of notices (one at scheduling, one at the run)
 * by a real webhook receiver.
 */
class ScheduledResetTwoNodesTest {

    @Test
    void each_scheduled_reset_runs_once_across_two_nodes_with_one_set_of_notices() throws Exception {
        Map<String, String> env = Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        try (TestNode first = TestNode.postgres(env); TestNode second = first.sibling();
                WebhookReceiver receiver = new WebhookReceiver()) {
            ApiClient admin = first.admin();
            List<LegacyTokens> accounts = new ArrayList<>();
            Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < 4; i++) {
                LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Two nodes " + i));
                ApiClient.Response integration = admin.post("/api/v1/accounts/" + t.accountSid() + "/integrations",
                        Map.of("name", "Hook " + i, "ownerName", "Ann", "ownerEmail", "ann@example.com",
                                "webhookUrl", receiver.url("/hook/" + t.accountSid()), "scopes",
                                List.of("read_write", "read_only"), "channels", List.of("webhook")));
                assertEquals(201, integration.status(), integration.body());
                for (String scope : List.of("read-write", "read-only")) {
                    ApiClient.Response scheduled = admin.post("/api/v1/accounts/" + t.accountSid() + "/legacy-token/"
                            + scope + "/reset", Map.of("at", at.toString()));
                    assertEquals(202, scheduled.status(), scheduled.body());
                }
                accounts.add(t);
            }
            int expected = accounts.size() * 2 * 2; // per scope: token.reset_scheduled, then token.reset

            Eventually.waitFor("both notices of every scheduled reset", Duration.ofSeconds(60),
                    () -> receiver.received().size() >= expected);

            Map<String, Integer> perKind = new HashMap<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                JsonNode body = Json.mapper().readTree(r.body());
                String kind = r.path() + " " + body.get("type").asText() + " " + body.get("data").get("scope").asText();
                perKind.merge(kind, 1, Integer::sum);
            }
            assertEquals(expected, perKind.size(), perKind::toString);
            assertTrue(perKind.values().stream().allMatch(n -> n == 1), () -> "a notice arrived twice: " + perKind);
            for (LegacyTokens t : accounts) {
                int resets = 0;
                for (JsonNode e : admin.get("/api/v1/accounts/" + t.accountSid() + "/audit").json().get("events")) {
                    resets += e.get("action").asText().equals("legacy_token.reset") ? 1 : 0;
                }
                assertEquals(2, resets, "one reset per scope");
                assertProblem(second.client().check(t.accountSid(), t.readWrite(), Map.of()), 401);
                assertProblem(first.client().check(t.accountSid(), t.readOnly(), Map.of()), 401);
            }
        }
    }
}
