package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokendesk.persistence.testing.TestDatabases;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * Two nodes as separate processes on one PostgreSQL. Resets alternate between them; right before
 * each reset the other node checks the old token (so it is in that node's cache), and right after
 * the reset is acknowledged the other node must refuse it: the reset waits out the cache lifetime.
 * Resets scheduled on one node run exactly once, on the other node when the first is gone.
 */
class TwoNodesIT {

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    @Test
    void after_each_acknowledged_reset_the_other_node_refuses_the_old_token_at_once() {
        Map<String, String> first = jars.nodeEnvironment();
        first.put("TOKENDESK_DB_URL", TestDatabases.postgres().jdbcUrl());
        Map<String, String> second = new HashMap<>(first);
        second.put("TOKENDESK_HTTP_PORT", Integer.toString(JarProcess.freePort()));
        second.put("TOKENDESK_DATA_DIR", first.get("TOKENDESK_DATA_DIR") + "-second");
        List<JarProcess> nodes = List.of(jars.start("node-a", first).awaitReady(), jars.start("node-b", second).awaitReady());
        List<ApiClient> admins = new ArrayList<>();
        for (JarProcess node : nodes) {
            admins.add(node.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD));
        }
        LegacyTokens tokens = admins.get(0).enableLegacyTokens(admins.get(0).createAccount("Two nodes"));
        String sid = tokens.accountSid();
        String current = tokens.readWrite();
        int staleAccepts = 0;
        int newRefused = 0;
        for (int i = 0; i < 100; i++) {
            ApiClient resetter = admins.get(i % 2);
            JarProcess other = nodes.get((i + 1) % 2);
            assertEquals(204, other.client().check(sid, current, Map.of()).status(), "warm the other node's cache");
            var reset = resetter.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
            assertEquals(200, reset.status(), reset.body());
            if (other.client().check(sid, current, Map.of()).status() != 401) {
                staleAccepts++;
            }
            current = reset.text("authToken");
            if (other.client().check(sid, current, Map.of()).status() != 204) {
                newRefused++;
            }
        }
        assertEquals(0, staleAccepts, "stale accepts of 100");
        assertEquals(0, newRefused, "new tokens refused of 100");
    }

    @Test
    void a_scheduled_reset_runs_once_even_when_the_node_that_scheduled_it_is_gone() throws Exception {
        Map<String, String> first = jars.nodeEnvironment();
        first.put("TOKENDESK_DB_URL", TestDatabases.postgres().jdbcUrl());
        first.put("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        Map<String, String> second = new HashMap<>(first);
        second.put("TOKENDESK_HTTP_PORT", Integer.toString(JarProcess.freePort()));
        second.put("TOKENDESK_DATA_DIR", first.get("TOKENDESK_DATA_DIR") + "-second");
        JarProcess scheduler = jars.start("node-a", first).awaitReady();
        JarProcess survivor = jars.start("node-b", second).awaitReady();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ApiClient admin = scheduler.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
            List<LegacyTokens> accounts = new ArrayList<>();
            java.time.Instant at = java.time.Instant.now().plusSeconds(15);
            for (int i = 0; i < 3; i++) {
                LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Scheduled " + i));
                assertEquals(201, admin.post("/api/v1/accounts/" + t.accountSid() + "/integrations", Map.of("name", "Hook",
                        "ownerName", "Ann", "ownerEmail", "ann@example.com", "webhookUrl",
                        receiver.url("/" + t.accountSid()), "scopes", List.of("read_write", "read_only"), "channels",
                        List.of("webhook"))).status());
                for (String scope : List.of("read-write", "read-only")) {
                    assertEquals(202, admin.post("/api/v1/accounts/" + t.accountSid() + "/legacy-token/" + scope
                            + "/reset", Map.of("at", at.toString())).status());
                }
                accounts.add(t);
            }
            int perPhase = accounts.size() * 2;
            Eventually.waitFor("the notices of scheduling", java.time.Duration.ofSeconds(30),
                    () -> receiver.received().size() >= perPhase);
            // every delivery recorded as delivered before the kill, so none is sent again after a lease runs out
            for (LegacyTokens t : accounts) {
                Eventually.waitFor("deliveries recorded", java.time.Duration.ofSeconds(30), () -> {
                    for (var n : admin.get("/api/v1/accounts/" + t.accountSid() + "/notices").json().get("notices")) {
                        if (!"delivered".equals(n.get("status").asText())) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            assertTrue(java.time.Instant.now().isBefore(at), "the scheduling node is killed before the reset is due");
            scheduler.killNine();

            Eventually.waitFor("the notices of the runs", java.time.Duration.ofSeconds(60),
                    () -> receiver.received().size() >= 2 * perPhase);

            Map<String, Integer> seen = new HashMap<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                var body = org.tokendesk.web.http.Json.mapper().readTree(r.body());
                seen.merge(r.path() + " " + body.get("type").asText() + " " + body.get("data").get("scope").asText(), 1,
                        Integer::sum);
            }
            assertEquals(2 * perPhase, seen.size(), seen::toString);
            assertTrue(seen.values().stream().allMatch(n -> n == 1), seen::toString);
            ApiClient other = survivor.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
            for (LegacyTokens t : accounts) {
                int resets = 0;
                for (var e : other.get("/api/v1/accounts/" + t.accountSid() + "/audit").json().get("events")) {
                    resets += "legacy_token.reset".equals(e.get("action").asText()) ? 1 : 0;
                }
                assertEquals(2, resets, "one reset per scope");
                assertEquals(401, survivor.client().check(t.accountSid(), t.readWrite(), Map.of()).status());
                assertEquals(401, survivor.client().check(t.accountSid(), t.readOnly(), Map.of()).status());
            }
        }
    }
}
