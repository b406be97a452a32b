package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code GET /metrics}: Prometheus text with what an operator of tokendesk watches. */
class MetricsTest {

    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true",
                "TOKENDESK_NOTIFY_RETRY_DELAYS", "1h"));
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String scrape() {
        ApiClient.Response r = node.client().get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r.header("Content-Type"));
        return r.body();
    }

    /** The value of the first sample whose line starts with the name and holds every label. */
    static Optional<Double> sample(String text, String name, String... labels) {
        return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst();
    }

    @Test
    void checks_are_counted_by_endpoint_and_outcome_with_their_latency() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Metrics"));
        admin.check(t.accountSid(), t.readWrite(), Map.of());
        admin.check(t.accountSid(), "not-the-token", Map.of());
        admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "DELETE"));
        node.client().post("/v1/verify", Map.of("accountSid", t.accountSid(), "authToken", t.readOnly()));
        String text = scrape();
        assertTrue(sample(text, "tokendesk_checks_seconds_count", "endpoint=\"auth_check\"", "outcome=\"valid\"").orElse(0.0) >= 1, text);
        assertTrue(sample(text, "tokendesk_checks_seconds_count", "outcome=\"invalid\"").orElse(0.0) >= 1, text);
        assertTrue(sample(text, "tokendesk_checks_seconds_count", "outcome=\"forbidden_method\"").orElse(0.0) >= 1, text);
        assertTrue(sample(text, "tokendesk_checks_seconds_count", "endpoint=\"verify\"", "outcome=\"valid\"").orElse(0.0) >= 1, text);
        assertTrue(sample(text, "tokendesk_checks_seconds_bucket", "outcome=\"valid\"", "le=\"0.005\"").isPresent(), text);
        assertTrue(sample(text, "tokendesk_checks_seconds_sum", "outcome=\"valid\"").orElse(0.0) > 0, text);
        assertFalse(text.contains(t.accountSid()), "an Account SID in a label");
        assertFalse(text.contains(t.readWrite()) || text.contains(t.readOnly()), "a token in the metrics");
    }

    @Test
    void resets_deliveries_and_the_outbox_backlog_are_measured() {
        String sid = admin.createAccount("Metrics resets");
        LegacyTokens t = admin.enableLegacyTokens(sid);
        admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Hook", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", "http://127.0.0.1:9/hook", "scopes", List.of("read_only"),
                "channels", List.of("webhook")));
        double before = sample(scrape(), "tokendesk_resets_total", "scope=\"read_only\"").orElse(0.0);
        assertEquals(200, admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-only/reset", null).status());
        node.client().post("/v1/verify", Map.of("accountSid", sid, "authToken", t.readOnly()));
        String text = Eventually.waitFor("a delivery attempt", Duration.ofSeconds(10), MetricsTest::scrape,
                s -> sample(s, "tokendesk_deliveries_seconds_count", "channel=\"webhook\"").isPresent());
        assertEquals(before + 1, sample(text, "tokendesk_resets_total", "scope=\"read_only\"").orElse(0.0), text);
        assertTrue(sample(text, "tokendesk_deliveries_seconds_count", "channel=\"webhook\"", "outcome=\"retry\"").isPresent(), text);
        assertTrue(sample(text, "tokendesk_checks_seconds_count", "endpoint=\"verify\"", "outcome=\"reset\"").isPresent(), text);
        // the unreachable receiver is retried in an hour: the delivery waits in the outbox
        assertTrue(sample(text, "tokendesk_outbox_pending").orElse(0.0) >= 1, text);
        assertTrue(sample(text, "tokendesk_outbox_oldest_age_seconds").orElse(-1.0) >= 0, text);
    }

    @Test
    void the_pool_the_jvm_and_http_requests_by_route_are_exposed() {
        node.client().get("/api/v1/accounts");
        String text = scrape();
        for (String name : List.of("hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
                "hikaricp_connections_max", "jvm_memory_used_bytes", "process_uptime_seconds", "tokendesk_info")) {
            assertTrue(sample(text, name).isPresent(), () -> name + " missing:\n" + text);
        }
        assertTrue(sample(text, "http_server_requests_seconds_count", "route=\"/api/v1/accounts\"", "status=\"401\"").isPresent(), text);
        node.client().get("/no/such/" + "x".repeat(10));
        assertTrue(sample(scrape(), "http_server_requests_seconds_count", "route=\"unmatched\"").isPresent());
    }
}
