package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/** A reset at a chosen future time, over HTTP (API.md section 8). */
class ScheduledResetTest {

    static TestNode node;
    static ApiClient admin;
    static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        admin = node.admin();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        node.close();
        receiver.close();
    }

    private static String path(String sid, String tail) {
        return "/api/v1/accounts/" + sid + "/legacy-token" + tail;
    }

    private static String inFuture(Duration d) {
        return Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<String> auditActions(String sid) {
        List<String> actions = new ArrayList<>();
        for (JsonNode e : admin.get("/api/v1/accounts/" + sid + "/audit").json().get("events")) {
            actions.add(e.get("action").asText());
        }
        return actions;
    }

    private static JsonNode card(String sid) {
        return admin.get(path(sid, "")).json();
    }

    @Test
    void a_scheduled_reset_answers_202_changes_nothing_yet_and_runs_at_its_time() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Scheduled"));
        String sid = t.accountSid();
        admin.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Shop", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/shop"), "scopes", List.of("read_write"),
                "channels", List.of("webhook")));
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);

        ApiClient.Response scheduled = admin.post(path(sid, "/read-write/reset"), Map.of("at", at.toString()));

        assertEquals(202, scheduled.status(), scheduled.body());
        JsonNode body = scheduled.json();
        assertEquals(sid, body.get("accountSid").asText());
        assertEquals("read_write", body.get("scope").asText());
        assertEquals(at, assertTimestamp(body.get("scheduledAt")));
        assertEquals(1, body.get("noticesQueued").asInt(), "one webhook to the owner of the one integration");
        assertFalse(body.has("authToken"));
        assertFalse(body.has("oldTokenValidUntil"));
        assertEquals(at, assertTimestamp(card(sid).get("readWrite").get("scheduledResetAt")));
        assertTrue(card(sid).get("readOnly").get("scheduledResetAt").isNull());
        assertEquals(204, node.client().check(sid, t.readWrite(), Map.of()).status(), "nothing happens before the time");

        JsonNode after = Eventually.waitFor("the scheduled reset to run", Duration.ofSeconds(30),
                () -> card(sid).get("readWrite"), rw -> rw.get("scheduledResetAt").isNull());

        Instant resetAt = assertTimestamp(after.get("lastResetAt"));
        assertFalse(resetAt.isBefore(at), "never before its time");
        assertProblem(node.client().check(sid, t.readWrite(), Map.of()), 401);
        assertEquals(204, node.client().check(sid, t.readOnly(), Map.of()).status());
        String fresh = admin.get(path(sid, "/credentials")).json().get("readWrite").get("authToken").asText();
        assertEquals(204, node.client().check(sid, fresh, Map.of()).status());
        List<String> actions = auditActions(sid);
        assertTrue(actions.containsAll(List.of("legacy_token.reset_scheduled", "legacy_token.reset")), actions::toString);
        JsonNode resetEvent = null;
        for (JsonNode e : admin.get("/api/v1/accounts/" + sid + "/audit").json().get("events")) {
            if (e.get("action").asText().equals("legacy_token.reset")) {
                resetEvent = e;
            }
        }
        assertEquals("system", resetEvent.get("actor").asText());
        assertEquals(TestNode.ADMIN_EMAIL, resetEvent.get("details").get("scheduledBy").asText());
        List<String> types = new ArrayList<>();
        for (JsonNode n : admin.get("/api/v1/accounts/" + sid + "/notices").json().get("notices")) {
            types.add(n.get("type").asText());
        }
        assertEquals(List.of("token.reset", "token.reset_scheduled"), types, "newest first");
    }

    @Test
    void a_grace_period_chosen_with_the_schedule_is_announced_and_given_when_it_runs() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Scheduled grace"));
        String at = inFuture(Duration.ofDays(2));
        ApiClient.Response scheduled = admin.post(path(t.accountSid(), "/read-only/reset"),
                Map.of("at", at, "oldTokenValidFor", "PT2H"));
        assertEquals(202, scheduled.status(), scheduled.body());
        assertEquals(Instant.parse(at).plus(Duration.ofHours(2)),
                assertTimestamp(scheduled.json().get("oldTokenValidUntil")));
    }

    @Test
    void times_with_an_offset_are_read_as_that_instant() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Offset"));
        Instant utc = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String withOffset = utc.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        ApiClient.Response scheduled = admin.post(path(t.accountSid(), "/read-write/reset"), Map.of("at", withOffset));
        assertEquals(202, scheduled.status(), scheduled.body());
        assertEquals(utc, assertTimestamp(scheduled.json().get("scheduledAt")));
    }

    @Test
    void a_time_that_is_not_ahead_too_far_ahead_or_not_a_time_is_refused() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Bad time"));
        String reset = path(t.accountSid(), "/read-write/reset");
        for (Object wrong : new Object[] {"2020-01-01T00:00:00Z", inFuture(Duration.ofDays(91)), "tomorrow",
                "2030-01-01T00:00:00", "", 1_900_000_000}) {
            assertFieldError(admin.post(reset, Map.of("at", wrong)), 400, "at");
        }
        assertFieldError(admin.post(reset, Map.of("at", inFuture(Duration.ofDays(1)), "oldTokenValidFor", "P8D")), 400,
                "oldTokenValidFor");
        assertTrue(card(t.accountSid()).get("readWrite").get("scheduledResetAt").isNull());
        assertEquals(204, node.client().check(t.accountSid(), t.readWrite(), Map.of()).status());
    }

    @Test
    void one_pending_reset_per_scope_and_cancel_ends_it() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Cancel"));
        String sid = t.accountSid();
        assertEquals(202, admin.post(path(sid, "/read-write/reset"), Map.of("at", inFuture(Duration.ofDays(1)))).status());
        assertProblem(admin.post(path(sid, "/read-write/reset"), Map.of("at", inFuture(Duration.ofDays(2)))), 409);
        assertEquals(202, admin.post(path(sid, "/read-only/reset"), Map.of("at", inFuture(Duration.ofDays(2)))).status());

        ApiClient.Response cancelled = admin.delete(path(sid, "/read-write/scheduled-reset"));
        assertEquals(204, cancelled.status(), cancelled.body());
        assertEquals("", cancelled.body());
        assertTrue(card(sid).get("readWrite").get("scheduledResetAt").isNull());
        assertFalse(card(sid).get("readOnly").get("scheduledResetAt").isNull());
        assertProblem(admin.delete(path(sid, "/read-write/scheduled-reset")), 404);
        assertTrue(auditActions(sid).contains("legacy_token.scheduled_reset_cancelled"));
        assertEquals(202, admin.post(path(sid, "/read-write/reset"), Map.of("at", inFuture(Duration.ofDays(2)))).status(),
                "after a cancel the scope can be scheduled again");
    }

    @Test
    void a_reset_now_cancels_the_scheduled_one() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Superseded"));
        String sid = t.accountSid();
        admin.post(path(sid, "/read-write/reset"), Map.of("at", inFuture(Duration.ofDays(1))));
        ApiClient.Response now = admin.post(path(sid, "/read-write/reset"), null);
        assertEquals(200, now.status(), now.body());
        assertTrue(card(sid).get("readWrite").get("scheduledResetAt").isNull());
        assertProblem(admin.delete(path(sid, "/read-write/scheduled-reset")), 404);
    }

    @Test
    void scheduling_and_cancelling_are_for_admins_of_an_existing_card_and_scope() {
        String sid = admin.createAccount("Refusals");
        String at = inFuture(Duration.ofDays(1));
        assertProblem(admin.post(path(sid, "/read-write/reset"), Map.of("at", at)), 404);
        assertProblem(admin.delete(path(sid, "/read-write/scheduled-reset")), 404);
        admin.enableLegacyTokens(sid);
        ApiClient viewer = node.newOperator("schedule-viewer");
        admin.putMember(sid, viewer.email(), "viewer");
        assertProblem(viewer.post(path(sid, "/read-write/reset"), Map.of("at", at)), 403);
        assertEquals(202, admin.post(path(sid, "/read-write/reset"), Map.of("at", at)).status());
        assertProblem(viewer.delete(path(sid, "/read-write/scheduled-reset")), 403);
        assertProblem(admin.delete(path(sid, "/sideways/scheduled-reset")), 404);
        assertProblem(node.client().delete(path(sid, "/read-write/scheduled-reset")), 401);
        ApiClient noCsrf = node.newOperator("schedule-csrf");
        admin.putMember(sid, noCsrf.email(), "admin");
        assertProblem(noCsrf.withoutCsrf().delete(path(sid, "/read-write/scheduled-reset")), 403);
        assertFalse(card(sid).get("readWrite").get("scheduledResetAt").isNull(), "still scheduled");
    }

    @Test
    void without_re_display_a_scheduled_reset_is_refused_because_nobody_could_see_the_new_token() {
        try (TestNode off = TestNode.sqlite(Map.of("TOKENDESK_TOKEN_REDISPLAY", "false"))) {
            ApiClient root = off.admin();
            String sid = root.createAccount("No re-display");
            assertEquals(201, root.post(path(sid, ""), null).status());
            ApiClient.Response refused = root.post(path(sid, "/read-write/reset"),
                    Map.of("at", inFuture(Duration.ofDays(1))));
            assertProblem(refused, 409);
            assertTrue(refused.json().get("detail").asText().contains("re-display"), refused.body());
            assertEquals(200, root.post(path(sid, "/read-write/reset"), null).status(), "a reset now still works");
        }
    }
}
