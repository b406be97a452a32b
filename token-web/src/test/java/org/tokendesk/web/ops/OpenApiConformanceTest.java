package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * Real answers are what openapi.json says they are: one walk through the whole API, every answer
 * checked against the document (status documented, content type, documented headers present,
 * body valid against the schema with no undocumented field), and every operation of the document
 * exercised at least once.
 */
class OpenApiConformanceTest {

    static TestNode node;
    static OpenApiContract contract;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "3",
                "TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        contract = new OpenApiContract(OpenApiDocument.load());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static ApiClient.Response get(ApiClient c, String path) {
        return contract.conforms("GET", path, c.get(path));
    }

    private static ApiClient.Response post(ApiClient c, String path, Object body) {
        return contract.conforms("POST", path, c.post(path, body));
    }

    private static ApiClient.Response put(ApiClient c, String path, Object body) {
        return contract.conforms("PUT", path, c.put(path, body));
    }

    private static ApiClient.Response patch(ApiClient c, String path, Object body) {
        return contract.conforms("PATCH", path, c.patch(path, body));
    }

    private static ApiClient.Response delete(ApiClient c, String path) {
        return contract.conforms("DELETE", path, c.delete(path));
    }

    private static ApiClient.Response ack(ApiClient c, String path, String accept) {
        return contract.conforms("POST", path, c.send("POST", path, null, Map.of("Accept", accept)));
    }

    private static ApiClient.Response check(ApiClient c, Map<String, String> headers) {
        return contract.conforms("GET", "/v1/auth/check", c.send("GET", "/v1/auth/check", null, headers));
    }

    @Test
    void every_answer_of_a_walk_through_the_whole_api_is_what_the_document_says() {
        ApiClient anonymous = node.client();
        get(anonymous, "/health/live");
        get(anonymous, "/health/ready");
        get(anonymous, "/metrics");
        get(anonymous, "/openapi.json");
        post(anonymous, "/api/v1/session", Map.of("email", TestNode.ADMIN_EMAIL, "password", "not the password at all"));
        post(anonymous, "/api/v1/session", Map.of("email", TestNode.ADMIN_EMAIL));
        get(anonymous, "/api/v1/accounts");

        ApiClient admin = node.client();
        assertEquals(200, post(admin, "/api/v1/session",
                Map.of("email", TestNode.ADMIN_EMAIL, "password", TestNode.ADMIN_PASSWORD)).status());
        admin.signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);

        // keys
        String keyId = post(admin, "/api/v1/keys", Map.of("name", "conformance")).text("id");
        get(admin, "/api/v1/keys");
        delete(admin, "/api/v1/keys/" + keyId);
        delete(admin, "/api/v1/keys/" + keyId);
        post(admin, "/api/v1/keys", Map.of("name", "x", "unknown", 1));

        // operators
        String member = TestNode.uniqueEmail("member");
        post(admin, "/api/v1/operators", Map.of("email", member, "password", TestNode.OPERATOR_PASSWORD));
        post(admin, "/api/v1/operators", Map.of("email", member, "password", TestNode.OPERATOR_PASSWORD));
        ApiClient viewer = node.client().signIn(member, TestNode.OPERATOR_PASSWORD);
        post(viewer, "/api/v1/accounts", Map.of("name", "not allowed"));

        // accounts and members
        String sid = post(admin, "/api/v1/accounts", Map.of("name", "Conformance")).text("accountSid");
        String base = "/api/v1/accounts/" + sid;
        get(admin, "/api/v1/accounts");
        get(admin, base);
        get(admin, "/api/v1/accounts/AC00000000000000000000000000000000");
        put(admin, base + "/members/" + member, Map.of("role", "viewer"));
        put(admin, base + "/members/" + TestNode.ADMIN_EMAIL, Map.of("role", "viewer"));
        delete(admin, base + "/members/" + member);
        delete(admin, base + "/members/" + TestNode.ADMIN_EMAIL);

        // the legacy token card
        get(admin, base + "/legacy-token");
        post(admin, base + "/legacy-token", null);
        post(admin, base + "/legacy-token", null);
        get(admin, base + "/legacy-token");
        patch(admin, base + "/legacy-token", Map.of("apiVersion", "v12"));
        patch(admin, base + "/legacy-token", Map.of("apiVersion", "v99"));
        JsonNode credentials = get(admin, base + "/legacy-token/credentials").json();
        LegacyTokens tokens = new LegacyTokens(sid, credentials.get("readWrite").get("authToken").asText(),
                credentials.get("readOnly").get("authToken").asText());

        // checks
        check(anonymous, Map.of("Authorization", ApiClient.basic(sid, tokens.readWrite())));
        check(anonymous, Map.of("Authorization", ApiClient.basic(sid, tokens.readOnly()), "X-Original-Method", "POST"));
        post(anonymous, "/v1/verify", Map.of("accountSid", sid, "authToken", tokens.readWrite()));
        post(anonymous, "/v1/verify", Map.of("accountSid", sid, "authToken", "wrong-token-value"));
        post(anonymous, "/v1/verify", Map.of("accountSid", sid));
        String limited = TestNode.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            check(anonymous, Map.of("Authorization", ApiClient.basic(sid, "wrong-" + i), "X-Real-IP", limited));
        }
        assertEquals(429, anonymous.send("GET", "/v1/auth/check", null,
                Map.of("Authorization", ApiClient.basic(sid, "wrong"), "X-Real-IP", limited)).status());
        String verifyLimited = TestNode.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            contract.conforms("POST", "/v1/verify", anonymous.send("POST", "/v1/verify",
                    Map.of("accountSid", sid, "authToken", "wrong-" + i), Map.of("X-Real-IP", verifyLimited)));
        }

        // integrations and notices
        String integrationId = post(admin, base + "/integrations", Map.of("name", "Billing", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", "http://127.0.0.1:9/hook", "scopes", java.util.List.of("read_write"),
                "channels", java.util.List.of("webhook"))).text("id");
        post(admin, base + "/integrations", Map.of("name", "Incomplete"));
        get(admin, base + "/integrations");
        get(admin, base + "/integrations/" + integrationId);
        get(admin, base + "/integrations/nope");
        patch(admin, base + "/integrations/" + integrationId, Map.of("ownerName", "Ann B."));
        post(admin, base + "/integrations/" + integrationId + "/webhook-secret/rotate", null);

        // a reset queues a notice
        post(admin, base + "/legacy-token/read-write/reset", null);
        post(admin, base + "/legacy-token/sideways/reset", null);
        post(admin, base + "/legacy-token/read-only/reset", Map.of("oldTokenValidFor", "PT1H"));
        post(admin, base + "/legacy-token/read-only/reset", Map.of("oldTokenValidFor", "P8D"));
        check(anonymous, Map.of("Authorization", ApiClient.basic(sid, tokens.readOnly())));
        get(admin, base + "/legacy-token");
        post(admin, base + "/legacy-token/read-only/end-grace", null);
        // a scheduled reset: 202, a second one 409, a time in the past 400, the card, cancel 204, again 404
        String inADay = java.time.Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        post(admin, base + "/legacy-token/read-write/reset", Map.of("at", inADay, "oldTokenValidFor", "PT1H"));
        post(admin, base + "/legacy-token/read-write/reset", Map.of("at", inADay));
        post(admin, base + "/legacy-token/read-only/reset", Map.of("at", "2020-01-01T00:00:00Z"));
        post(admin, base + "/legacy-token/read-only/reset", Map.of("at", "tomorrow"));
        get(admin, base + "/legacy-token");
        delete(viewer, base + "/legacy-token/read-write/scheduled-reset");
        delete(admin, base + "/legacy-token/read-write/scheduled-reset");
        delete(admin, base + "/legacy-token/read-write/scheduled-reset");
        delete(admin, base + "/legacy-token/sideways/scheduled-reset");
        post(admin, base + "/legacy-token/sideways/end-grace", null);
        post(viewer, base + "/legacy-token/read-only/end-grace", null);
        check(anonymous, Map.of("Authorization", ApiClient.basic(sid, tokens.readWrite())));
        post(anonymous, "/v1/verify", Map.of("accountSid", sid, "authToken", tokens.readWrite()));
        JsonNode notices = Eventually.waitFor("a notice", Duration.ofSeconds(10),
                () -> get(admin, base + "/notices").json().get("notices"), n -> n.size() > 0);
        get(admin, base + "/notices?limit=nope");
        // old-token sightings reach the card after the recorder's flush (another account: this one's
        // failed checks are limited by now); the reset preview
        String sighted = admin.createAccount("Sighted");
        LegacyTokens before = admin.enableLegacyTokens(sighted);
        admin.post("/api/v1/accounts/" + sighted + "/legacy-token/read-write/reset", null);
        check(anonymous, Map.of("Authorization", ApiClient.basic(sighted, before.readWrite()), "User-Agent", "walk/1",
                "X-Original-URI", "/walk?x=1", "X-Real-IP", TestNode.uniqueAddress()));
        Eventually.waitFor("a sighting on the card", Duration.ofSeconds(10),
                () -> get(admin, "/api/v1/accounts/" + sighted + "/legacy-token").json().get("readWrite").get("staleUse"),
                s -> !s.isNull());
        get(admin, "/api/v1/accounts/" + sighted + "/legacy-token/read-write/reset-preview");
        get(admin, base + "/legacy-token/read-write/reset-preview");
        get(admin, base + "/legacy-token/sideways/reset-preview");
        get(viewer, base + "/legacy-token/read-write/reset-preview");
        post(admin, base + "/notices/" + notices.get(0).get("id").asText() + "/redeliver", null);
        post(admin, base + "/notices/msg_none/redeliver", null);

        // the owner's acknowledgement link, taken from a webhook notice
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            post(admin, base + "/integrations", Map.of("name", "Acknowledging", "ownerName", "Ann",
                    "ownerEmail", "ack@example.com", "webhookUrl", receiver.url("/ack"),
                    "scopes", java.util.List.of("read_only"), "channels", java.util.List.of("webhook")));
            post(admin, base + "/legacy-token/read-only/reset", null);
            String body = Eventually.waitFor("the webhook notice", Duration.ofSeconds(20),
                    () -> receiver.received().isEmpty() ? null : receiver.received().get(0).body(), b -> b != null);
            var link = java.util.regex.Pattern.compile("\"acknowledgeUrl\"\\s*:\\s*\"[^\"]*?(/ack/[^\"]+)\"").matcher(body);
            assertTrue(link.find(), body);
            String ack = link.group(1);
            get(anonymous, ack);
            get(anonymous, "/ack/forged");
            ack(anonymous, ack, "application/json");
            ack(anonymous, ack, "application/json");
            ack(anonymous, "/ack/forged", "application/json");
            ack(anonymous, "/ack/forged", "text/html");
            JsonNode card = get(admin, base + "/legacy-token").json();
            assertEquals(0, card.get("readOnly").get("unacknowledged").size());
        }
        delete(admin, base + "/integrations/" + integrationId);

        // the audit log
        get(admin, base + "/audit?limit=2");
        get(admin, base + "/audit?before=nope");

        // size limit, read-only re-display, sign-out
        post(admin, "/api/v1/accounts", "{\"name\":\"" + "x".repeat(70_000) + "\"}");
        get(viewer, base + "/legacy-token/credentials");
        delete(admin, "/api/v1/session");
        delete(admin, "/api/v1/session");

        Set<String> missing = new TreeSet<>(contract.operations());
        missing.removeAll(contract.exercised());
        assertTrue(missing.isEmpty(), () -> "operations the walk did not exercise: " + missing);
    }

    @Test
    void the_validator_finds_undocumented_and_missing_fields() {
        JsonNode schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("$ref", "#/components/schemas/Account");
        var errors = new java.util.ArrayList<String>();
        contract.validate(schema, org.tokendesk.web.http.Json.mapper().valueToTree(
                Map.of("accountSid", "AC0123456789abcdef0123456789abcdef", "name", "n", "extra", 1)), "body", errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("extra")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("createdAt")), errors::toString);
    }
}
