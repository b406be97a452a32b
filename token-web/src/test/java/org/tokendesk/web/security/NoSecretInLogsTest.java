package org.tokendesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.SecretsSeen;
import org.tokendesk.web.testing.TestNode;

/**
 * Runs after every other test class of the suite (see junit-platform.properties): no token,
 * password, management key, webhook secret, CSRF token or master key that any test saw appears in
 * any log line any in-process node wrote. The build fails if one does.
 */
@Order(Integer.MAX_VALUE)
class NoSecretInLogsTest {

    @Test
    void no_secret_of_the_whole_suite_appears_in_a_log_line() {
        exerciseEverySecretKindOnce();
        List<String> lines = SecretsSeen.logLines();
        List<String> leaks = new ArrayList<>();
        for (String secret : SecretsSeen.secrets()) {
            for (String line : lines) {
                if (line.contains(secret)) {
                    leaks.add("…" + secret.substring(secret.length() - 4) + " in: "
                            + line.replace(secret, "<secret>").lines().findFirst().orElse(""));
                }
            }
        }
        assertTrue(SecretsSeen.secrets().size() >= 5, "the suite saw secrets: " + SecretsSeen.secrets().size());
        assertTrue(lines.size() > 10, "the suite's logs were captured: " + lines.size());
        assertEquals(List.of(), leaks);
    }

    /** So the check means something even when this class runs alone. */
    private static void exerciseEverySecretKindOnce() {
        try (TestNode node = TestNode.sqlite()) {
            ApiClient admin = node.admin();
            String sid = admin.post("/api/v1/accounts", Map.of("name", "Secrets")).text("accountSid");
            admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
            admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials");
            admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-only/reset", null);
            admin.post("/api/v1/keys", Map.of("name", "logs"));
            admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "i", "ownerName", "o",
                    "ownerEmail", "o@example.com", "webhookUrl", "https://hooks.example.com/x", "scopes",
                    List.of("read_only")));
            admin.post("/api/v1/session", Map.of("email", TestNode.ADMIN_EMAIL, "password", "wrong password here"));
        }
    }
}
