package org.tokendesk.web.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.SecretsSeen;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * The owner's acknowledgement link, end to end over real HTTP: it arrives in the GreenMail email
 * and in the webhook body, looking at it does not use it, it works once, forged links are not
 * found, and the link never reaches a log line.
 */
class AcknowledgementFlowTest {

    static final Pattern LINK = Pattern.compile("http://tokendesk\\.example\\.com(/ack/[A-Za-z0-9_.-]+)");
    static final Map<String, String> JSON = Map.of("Accept", "application/json");

    static GreenMail smtp;
    static WebhookReceiver receiver;
    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        receiver = new WebhookReceiver();
        Map<String, String> env = new HashMap<>();
        env.put("TOKENDESK_PUBLIC_URL", "http://tokendesk.example.com");
        env.put("TOKENDESK_SMTP_HOST", "127.0.0.1");
        env.put("TOKENDESK_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("TOKENDESK_SMTP_TLS", "none");
        env.put("TOKENDESK_SMTP_FROM", "tokendesk@example.com");
        env.put("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        node = TestNode.sqlite(env);
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
        receiver.close();
        smtp.stop();
    }

    record Setup(String sid, String integrationId, String name) {
    }

    static Setup resetWithOneIntegration(String name, List<String> channels) {
        String sid = admin.post("/api/v1/accounts", Map.of("name", "Acked " + name)).text("accountSid");
        admin.post("/api/v1/accounts/" + sid + "/legacy-token", null);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("ownerName", "Olga Owner");
        body.put("ownerEmail", name + "@owners.example.com");
        body.put("ownerLocale", "en");
        body.put("webhookUrl", receiver.url("/" + name));
        body.put("scopes", List.of("read_write"));
        body.put("channels", channels);
        String id = admin.post("/api/v1/accounts/" + sid + "/integrations", body).text("id");
        assertEquals(200, admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null).status());
        return new Setup(sid, id, name);
    }

    /** The link's path, taken from the webhook body the receiver got. */
    static String linkFromWebhook(Setup s) {
        var hook = Eventually.waitFor("the webhook", Duration.ofSeconds(20), () -> receiver.received().stream()
                .filter(r -> r.path().equals("/" + s.name())).findFirst().orElse(null), r -> r != null);
        Matcher m = LINK.matcher(hook.body());
        assertTrue(m.find(), hook.body());
        String path = m.group(1);
        SecretsSeen.remember(path.substring("/ack/".length()));
        return path;
    }

    static String mailTo(String email) {
        return Eventually.waitFor("the email", Duration.ofSeconds(20), () -> {
            for (var message : smtp.getReceivedMessages()) {
                String whole = GreenMailUtil.getWholeMessage(message);
                if (whole.contains(email)) {
                    return whole;
                }
            }
            return null;
        }, m -> m != null);
    }

    static List<JsonNode> notices(String sid) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").forEach(out::add);
        return out;
    }

    static JsonNode unacknowledged(String sid) {
        return admin.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readWrite").get("unacknowledged");
    }

    @Test
    void the_link_arrives_in_the_email_and_the_webhook_body_and_both_are_the_same_single_use_link() {
        Setup s = resetWithOneIntegration("both", List.of("email", "webhook"));
        String path = linkFromWebhook(s);
        String mail = mailTo("both@owners.example.com").replace("=\r\n", "").replace("=3D", "=");
        assertTrue(mail.contains("When you have updated your integration, confirm it here:"), mail);
        assertTrue(mail.contains("http://tokendesk.example.com" + path),
                "the email carries the same link as the webhook");
        assertEquals(2, notices(s.sid()).size());

        assertEquals(200, node.client().send("POST", path, null, JSON).status());

        Eventually.waitFor("both deliveries show the acknowledgement", Duration.ofSeconds(5),
                () -> notices(s.sid()).stream().allMatch(n -> !n.get("acknowledgedAt").isNull()));
    }

    @Test
    void looking_at_the_link_does_not_use_it_and_using_it_twice_is_refused() {
        Setup s = resetWithOneIntegration("twice", List.of("webhook"));
        String path = linkFromWebhook(s);
        ApiClient owner = node.client();

        for (int i = 0; i < 3; i++) {
            var page = owner.get(path);
            assertEquals(200, page.status());
            assertTrue(page.body().contains("I have updated this integration"), page.body());
        }
        assertTrue(notices(s.sid()).get(0).get("acknowledgedAt").isNull(), "GET never consumes the link");
        assertEquals(List.of(s.integrationId()), ids(unacknowledged(s.sid())));

        var first = owner.send("POST", path, null, JSON);
        assertEquals(200, first.status(), first.body());
        JsonNode body = first.json();
        assertEquals(s.integrationId(), body.get("integrationId").asText());
        assertEquals(s.sid(), body.get("accountSid").asText());
        assertEquals("read_write", body.get("scope").asText());
        assertEquals(body.get("acknowledgedAt").asText(), notices(s.sid()).get(0).get("acknowledgedAt").asText());
        assertEquals(List.of(), ids(unacknowledged(s.sid())));

        var second = owner.send("POST", path, null, JSON);
        assertEquals(410, second.status());
        assertTrue(second.header("Content-Type").startsWith("application/problem+json"));
        assertFalse(second.body().contains(path.substring(5)), "never the token in an error");
        var secondByBrowser = owner.send("POST", path, null, Map.of("Accept", "text/html"));
        assertEquals(410, secondByBrowser.status());
        assertTrue(secondByBrowser.body().contains("This link was already used on"), secondByBrowser.body());

        List<JsonNode> audit = new ArrayList<>();
        admin.get("/api/v1/accounts/" + s.sid() + "/audit").json().get("events").forEach(audit::add);
        var acknowledged = audit.stream().filter(e -> e.get("action").asText().equals("notice.acknowledged")).toList();
        assertEquals(1, acknowledged.size());
        assertEquals("owner:twice@owners.example.com", acknowledged.get(0).get("actor").asText());
        assertFalse(acknowledged.get(0).toString().contains(path.substring(5)));
    }

    @Test
    void a_browser_gets_a_page_with_one_button_then_a_thank_you_page_in_its_language() {
        Setup s = resetWithOneIntegration("browser", List.of("webhook"));
        String path = linkFromWebhook(s);
        ApiClient browser = node.client();

        var page = browser.send("GET", path, null, Map.of("Accept-Language", "de-DE,de;q=0.9"));
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertFalse(page.headers().containsKey("set-cookie"), "no session, no cookie");
        assertTrue(page.body().contains("Ich habe diese Integration aktualisiert"), page.body());
        assertTrue(page.body().contains(s.sid()) && page.body().contains("browser"), page.body());
        assertTrue(page.body().contains("<form method=\"post\" action=\"" + path + "\""), page.body());
        assertEquals(1, page.body().split("<button", -1).length - 1, "one button, no other form");

        var done = browser.send("POST", path, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Your confirmation was recorded on"), done.body());
        assertFalse(done.body().contains("<form method=\"post\" action=\"/ack/"), "no button once used");
    }

    @Test
    void a_forged_or_unknown_link_is_not_found() {
        Setup s = resetWithOneIntegration("forged", List.of("webhook"));
        String path = linkFromWebhook(s);
        String token = path.substring("/ack/".length());
        String ackId = token.substring(0, token.indexOf('.'));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        ApiClient stranger = node.client();

        for (String bad : List.of(ackId + "." + "A".repeat(43), tampered, ackId, "nothing",
                "ack_000000000000000000000000." + token.substring(token.indexOf('.') + 1))) {
            assertEquals(404, stranger.send("POST", "/ack/" + bad, null, JSON).status(), bad);
            var page = stranger.get("/ack/" + bad);
            assertEquals(404, page.status(), bad);
            assertTrue(page.body().contains("Link not valid"), page.body());
        }
        assertEquals(List.of(s.integrationId()), ids(unacknowledged(s.sid())), "nothing was acknowledged");
    }

    @Test
    void of_concurrent_uses_of_one_link_exactly_one_succeeds() throws Exception {
        Setup s = resetWithOneIntegration("race", List.of("webhook"));
        String path = linkFromWebhook(s);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> uses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient owner = node.client();
            uses.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return owner.send("POST", path, null, JSON).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var use : uses) {
            statuses.add(use.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, statuses.stream().filter(x -> x == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(x -> x == 410).count(), statuses.toString());
    }

    @Test
    void the_link_never_reaches_a_log_line_and_the_access_log_masks_it() {
        Setup s = resetWithOneIntegration("logged", List.of("webhook"));
        String path = linkFromWebhook(s);
        String token = path.substring("/ack/".length());
        String mac = token.substring(token.indexOf('.') + 1);
        ApiClient owner = node.client();
        owner.get(path);
        owner.send("POST", path, null, JSON);
        owner.send("POST", path, null, JSON);
        owner.get(path + "/extra");

        List<String> lines = SecretsSeen.logLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /ack/*** 200")), "the access log names the route");
        for (String line : lines) {
            assertFalse(line.contains(mac), () -> "the link leaked into a log line: " + line);
        }
    }

    @Test
    void the_card_and_the_delivery_log_page_show_who_has_not_confirmed() {
        Setup s = resetWithOneIntegration("pages", List.of("webhook"));
        String path = linkFromWebhook(s);
        JsonNode pending = unacknowledged(s.sid());
        assertEquals(1, pending.size());
        assertEquals("pages", pending.get(0).get("name").asText());
        assertEquals("pages@owners.example.com", pending.get(0).get("ownerEmail").asText());
        assertEquals(0, admin.get("/api/v1/accounts/" + s.sid() + "/legacy-token").json().get("readOnly")
                .get("unacknowledged").size());
        var card = admin.get("/accounts/" + s.sid() + "/platform-rest");
        assertTrue(card.body().contains("Not yet confirmed by:"), card.body());
        assertTrue(card.body().contains("pages (pages@owners.example.com)"), card.body());

        node.client().send("POST", path, null, JSON);

        assertFalse(admin.get("/accounts/" + s.sid() + "/platform-rest").body().contains("Not yet confirmed by:"));
        var log = admin.get("/accounts/" + s.sid() + "/integrations");
        assertTrue(log.body().contains(">Acknowledged</th>"), log.body());
        String acknowledgedAt = notices(s.sid()).get(0).get("acknowledgedAt").asText();
        assertTrue(log.body().contains("datetime=\"" + acknowledgedAt), log.body());
    }

    private static List<String> ids(JsonNode unacknowledged) {
        List<String> ids = new ArrayList<>();
        unacknowledged.forEach(u -> ids.add(u.get("integrationId").asText()));
        return ids;
    }
}
