package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * Nothing is lost when a node dies: a reset is acknowledged while the owner's receiver is down,
 * the node is killed with SIGKILL, the receiver comes up, and after the restart the notice arrives.
 */
class NoticeCrashIT {

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    @Test
    void a_notice_queued_before_kill_9_is_delivered_after_the_restart() {
        Map<String, String> env = jars.nodeEnvironment();
        env.put("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("TOKENDESK_NOTIFY_RETRY_DELAYS", "1s,1s,1s,1s,1s,1s,1s,1s,1s,1s");
        int receiverPort = JarProcess.freePort();
        JarProcess first = jars.start("first", env).awaitReady();
        ApiClient admin = first.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
        LegacyTokens tokens = admin.enableLegacyTokens(admin.createAccount("Crash"));
        String sid = tokens.accountSid();
        var created = admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "billing",
                "ownerName", "Olga", "ownerEmail", "olga@example.com", "webhookUrl",
                "http://127.0.0.1:" + receiverPort + "/hook", "scopes", List.of("read_write"), "channels", List.of("webhook")));
        assertEquals(201, created.status(), created.body());
        var reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        assertEquals(1, reset.json().get("noticesQueued").asInt());
        first.killNine();

        try (WebhookReceiver receiver = new WebhookReceiver(receiverPort)) {
            JarProcess second = jars.start("second", env).awaitReady();
            ApiClient again = second.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
            Eventually.waitFor("the notice after the restart", Duration.ofSeconds(90), () -> !receiver.received().isEmpty());
            var notice = again.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0);
            assertEquals(notice.get("id").asText(), receiver.received().get(0).headers().get("webhook-id"));
            Eventually.waitFor("delivered status", Duration.ofSeconds(30), () -> "delivered".equals(
                    again.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0).get("status").asText()));
            assertTrue(receiver.received().get(0).body().contains(sid));
        }
    }
}
