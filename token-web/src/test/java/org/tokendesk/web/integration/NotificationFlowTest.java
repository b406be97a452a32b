package org.tokendesk.web.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * A reset notifies the owners of the integrations that depend on the reset scope over every
 * channel: real SMTP (GreenMail), a real webhook receiver, and the example plugin loaded from a
 * plugins directory exactly as users install it.
 */
class NotificationFlowTest {

    static GreenMail smtp;
    static WebhookReceiver receiver;
    static Path plugins;
    static Path logfile;
    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() throws IOException {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        receiver = new WebhookReceiver();
        plugins = Files.createTempDirectory("plugins");
        Files.copy(exampleJar(), plugins.resolve("notifier-example.jar"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip file");
        logfile = Files.createTempDirectory("logfile").resolve("notices.jsonl");
        Map<String, String> env = new HashMap<>();
        env.put("TOKENDESK_SMTP_HOST", "127.0.0.1");
        env.put("TOKENDESK_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("TOKENDESK_SMTP_TLS", "none");
        env.put("TOKENDESK_SMTP_FROM", "tokendesk@example.com");
        env.put("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("TOKENDESK_NOTIFY_RETRY_DELAYS", "1s,1s,1s");
        env.put("TOKENDESK_PLUGINS_DIR", plugins.toString());
        env.put("TOKENDESK_NOTIFIER_LOGFILE_PATH", logfile.toString());
        node = TestNode.sqlite(env);
        admin = node.admin();
    }

    /** The example plugin, built by the reactor before this module. */
    static Path exampleJar() throws IOException {
        Path target = Path.of("../notifier-example/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("notifier-example-.*\\.jar")
                    && !f.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build notifier-example first (mvn verify from the root)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("build notifier-example first (mvn verify from the root)", e);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
        receiver.close();
        smtp.stop();
    }

    String account() {
        String sid = admin.post("/api/v1/accounts", Map.of("name", "Notified")).text("accountSid");
        admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
        return sid;
    }

    JsonNode integration(String sid, String name, List<String> scopes, List<String> channels) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("ownerName", "Olga Owner");
        body.put("ownerEmail", name + "@owners.example.com");
        body.put("ownerLocale", "en");
        body.put("webhookUrl", receiver.url("/" + name));
        body.put("scopes", scopes);
        body.put("channels", channels);
        var r = admin.post("/api/v1/accounts/" + sid + "/integrations", body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    List<JsonNode> notices(String sid) {
        List<JsonNode> out = new java.util.ArrayList<>();
        admin.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").forEach(out::add);
        return out;
    }

    @Test
    void a_reset_notifies_each_dependent_owner_over_each_channel_and_nobody_else() throws Exception {
        String sid = account();
        JsonNode billing = integration(sid, "billing", List.of("read_write"), List.of("email", "webhook", "logfile"));
        integration(sid, "reports", List.of("read_only"), List.of("email", "webhook"));
        assertTrue(billing.get("webhookSecret").asText().startsWith("whsec_"));
        var reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        assertEquals(3, reset.json().get("noticesQueued").asInt());
        String token = reset.text("authToken");

        Eventually.waitFor("three deliveries", Duration.ofSeconds(20),
                () -> notices(sid).stream().filter(n -> n.get("status").asText().equals("delivered")).count() == 3);
        // whole messages as text: this module does not read jakarta.mail, GreenMailUtil does
        List<String> mails = new java.util.ArrayList<>();
        for (int i = 0; i < smtp.getReceivedMessages().length; i++) {
            mails.add(GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[i]));
        }
        String mail = mails.stream().filter(m -> m.contains("billing@owners.example.com")).findFirst().orElseThrow();
        assertTrue(mail.lines().anyMatch(l -> l.startsWith("Subject:") && l.contains(sid)), mail);
        assertFalse(mail.contains(token), "never a token in an email");
        var hook = receiver.received().stream().filter(r -> r.path().equals("/billing")).findFirst().orElseThrow();
        assertTrue(hook.headers().get("webhook-signature").startsWith("v1,"));
        assertTrue(hook.body().contains("\"type\":\"token.reset\"") || hook.body().contains("\"type\": \"token.reset\""));
        assertEquals(notices(sid).stream().filter(n -> n.get("channel").asText().equals("webhook")).findFirst()
                .orElseThrow().get("id").asText(), hook.headers().get("webhook-id"));
        Eventually.waitFor("the plugin's line", Duration.ofSeconds(10), () -> Files.exists(logfile));
        assertTrue(Files.readString(logfile).contains(sid));
        assertFalse(receiver.received().stream().anyMatch(r -> r.path().equals("/reports")), "other scope not told");
        assertFalse(hook.body().contains(token), "never a token in a notice");
        assertFalse(Files.readString(logfile).contains(token));
    }

    @Test
    void after_a_reset_with_a_grace_period_every_channel_says_until_when_the_old_token_works() throws Exception {
        String sid = account();
        integration(sid, "graced", List.of("read_write"), List.of("email", "webhook", "logfile"));
        var reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset",
                Map.of("oldTokenValidFor", "PT2H"));
        assertEquals(200, reset.status(), reset.body());
        String until = reset.text("oldTokenValidUntil");

        Eventually.waitFor("three deliveries", Duration.ofSeconds(20),
                () -> notices(sid).stream().filter(n -> n.get("status").asText().equals("delivered")).count() == 3);
        var hook = receiver.received().stream().filter(r -> r.path().equals("/graced")).findFirst().orElseThrow();
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hook.body()).get("data");
        assertEquals(java.time.Instant.parse(until), java.time.Instant.parse(data.get("oldTokenValidUntil").asText()));
        String words = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(until));
        // whole messages as text, indexed: this module does not read jakarta.mail, GreenMailUtil does
        List<String> mails = new java.util.ArrayList<>();
        for (int i = 0; i < smtp.getReceivedMessages().length; i++) {
            mails.add(GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[i]));
        }
        String mail = mails.stream().filter(m -> m.contains("graced@owners.example.com")).findFirst().orElseThrow()
                .replace("=\r\n", "").replace("=\n", ""); // quoted-printable soft line breaks
        assertTrue(mail.contains("keeps working until " + words), mail);
        // the logfile delivery is among the three delivered: its line is written before its record
        String line = Files.readAllLines(logfile).stream().filter(l -> l.contains(sid)).findFirst().orElseThrow();
        assertTrue(line.contains("\"oldTokenValidUntil\":\""), line);
    }

    @Test
    void a_receiver_that_fails_twice_gets_three_attempts_with_one_webhook_id() {
        String sid = account();
        integration(sid, "flaky", List.of("read_only"), List.of("webhook"));
        receiver.answer(503, 500);
        admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-only/reset", null);
        JsonNode delivered = Eventually.waitFor("delivery after retries", Duration.ofSeconds(30),
                () -> notices(sid).get(0), n -> n.get("status").asText().equals("delivered"));
        assertEquals(3, delivered.get("attempts").asInt());
        var calls = receiver.received().stream().filter(r -> r.path().equals("/flaky")).toList();
        assertEquals(3, calls.size());
        assertEquals(1, calls.stream().map(c -> c.headers().get("webhook-id")).distinct().count());
    }

    @Test
    void a_gone_webhook_is_turned_off_until_the_integration_is_edited() {
        String sid = account();
        String id = integration(sid, "gone", List.of("read_write"), List.of("webhook")).get("id").asText();
        receiver.answer(410);
        admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        Eventually.waitFor("failed delivery", Duration.ofSeconds(20),
                () -> notices(sid).get(0).get("status").asText().equals("failed"));
        var integration = admin.get("/api/v1/accounts/" + sid + "/integrations/" + id).json();
        assertFalse(integration.get("webhookEnabled").asBoolean());
        assertEquals(0, admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null).json()
                .get("noticesQueued").asInt());
        var edited = admin.patch("/api/v1/accounts/" + sid + "/integrations/" + id, Map.of("name", "back"));
        assertTrue(edited.json().get("webhookEnabled").asBoolean());
    }

    @Test
    void a_failed_notice_can_be_redelivered() {
        String sid = account();
        integration(sid, "later", List.of("read_write"), List.of("webhook"));
        receiver.answer(404);
        admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        JsonNode failed = Eventually.waitFor("failed delivery", Duration.ofSeconds(20), () -> notices(sid).get(0),
                n -> n.get("status").asText().equals("failed"));
        var redeliver = admin.post("/api/v1/accounts/" + sid + "/notices/" + failed.get("id").asText() + "/redeliver", null);
        assertEquals(202, redeliver.status());
        Eventually.waitFor("redelivered", Duration.ofSeconds(20),
                () -> notices(sid).get(0).get("status").asText().equals("delivered"));
    }

    @Test
    void a_broken_plugin_jar_does_not_stop_the_other_channels() {
        var channels = node.app().injector().getInstance(org.tokendesk.web.notify.NotifierRegistry.class).channels();
        assertEquals(java.util.Set.of("email", "webhook", "logfile"), channels);
    }
}
