package org.tokendesk.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** The scheduled reset on the operator's pages: chosen on the confirmation, shown on the card, cancelled there. */
class ScheduledResetPagesTest {

    private static TestNode node;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of());
        api = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static PageClient admin(String language) {
        return new PageClient(node.baseUrl()).acceptLanguage(language).signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    }

    private static String path(String sid, String tail) {
        return "/accounts/" + sid + "/" + tail;
    }

    /** What a {@code datetime-local} field sends, read as UTC. */
    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static JsonNode card(String sid) {
        return api.get("/api/v1/accounts/" + sid + "/legacy-token").json();
    }

    @Test
    void the_confirmation_offers_now_or_a_scheduled_time_in_utc_in_english_and_german() {
        String sid = api.createAccount("When " + TestNode.uniqueEmail("w"));
        api.enableLegacyTokens(sid);
        String en = admin("en").get(path(sid, "legacy-token/read-write/reset")).body();
        assertTrue(en.contains("<legend>When</legend>"), en);
        assertTrue(en.contains("<input type=\"radio\" name=\"when\" value=\"now\" checked> Now"), en);
        assertTrue(en.contains("value=\"at\" id=\"confirm-when-at\"> At a scheduled time"), en);
        assertTrue(en.contains("<label for=\"confirm-at\">Date and time (UTC)</label>"), en);
        assertTrue(en.contains("<input type=\"datetime-local\" id=\"confirm-at\" name=\"at\""), en);
        String de = admin("de").get(path(sid, "legacy-token/read-only/reset")).body();
        assertTrue(de.contains("<legend>Wann</legend>"), de);
        assertTrue(de.contains("> Zu einem geplanten Zeitpunkt"), de);
        assertTrue(de.contains("<label for=\"confirm-at\">Datum und Uhrzeit (UTC)</label>"), de);
        String dialog = admin("en").get(path(sid, "platform-rest")).body();
        assertTrue(dialog.contains("id=\"reset-read-write-at\" name=\"at\""), dialog);
    }

    @Test
    void scheduling_shows_the_time_on_the_card_and_cancel_removes_it() {
        String sid = api.createAccount("Schedule " + TestNode.uniqueEmail("w"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        PageClient browser = admin("en");
        Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

        var scheduled = browser.submit(path(sid, "legacy-token/read-write/reset"),
                Map.of("when", "at", "at", local(at), "oldTokenValidFor", "PT1H"));

        assertEquals(303, scheduled.status(), scheduled.body());
        assertEquals(path(sid, "platform-rest?scheduled=read-write"), scheduled.location());
        String done = browser.get(scheduled.location()).body();
        assertTrue(done.contains("<p class=\"alert ok\" role=\"status\" id=\"flash\">The read/write token will be reset on "),
                done);
        assertEquals(at, Instant.parse(card(sid).get("readWrite").get("scheduledResetAt").asText()));
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status(), "nothing is reset yet");
        String page = browser.get(path(sid, "platform-rest")).body();
        assertTrue(page.contains("Reset scheduled for "), page);
        assertTrue(page.contains("action=\"/accounts/" + sid + "/legacy-token/read-write/scheduled-reset/cancel\""), page);
        assertTrue(page.contains(">Cancel scheduled reset</button>"), page);
        String overviewDe = admin("de").get(path(sid, "legacy-token")).body();
        assertTrue(overviewDe.contains("Zurücksetzen geplant für "), overviewDe);
        assertTrue(overviewDe.contains(">Geplantes Zurücksetzen abbrechen</button>"), overviewDe);

        var cancelled = browser.submit(path(sid, "legacy-token/read-write/scheduled-reset/cancel"),
                Map.of("return", "legacy-token"));
        assertEquals(303, cancelled.status(), cancelled.body());
        assertEquals(path(sid, "legacy-token"), cancelled.location());
        assertTrue(card(sid).get("readWrite").get("scheduledResetAt").isNull());
        assertFalse(browser.get(path(sid, "platform-rest")).body().contains("Reset scheduled for"));
        assertEquals(202, api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset",
                Map.of("at", at.toString())).status(), "scheduled again, to cancel it from the card");
        var fromCard = browser.submit(path(sid, "legacy-token/read-write/scheduled-reset/cancel"), Map.of());
        assertEquals(path(sid, "platform-rest?cancelled=read-write"), fromCard.location());
        String german = admin("de").get(fromCard.location()).body();
        assertTrue(german.contains("Das geplante Zurücksetzen des Lese/Schreib-Tokens wurde abgebrochen"), german);
        var again = browser.submit(path(sid, "legacy-token/read-write/scheduled-reset/cancel"), Map.of());
        assertEquals(303, again.status(), "a reset that is gone (cancelled or run) is no failure");
        assertEquals(path(sid, "platform-rest"), again.location(), "and claims no cancel");
        assertFalse(browser.get(path(sid, "platform-rest?scheduled=read-write")).body().contains("id=\"flash\""),
                "no message about a schedule that is not there");
    }

    @Test
    void a_time_in_the_past_too_far_ahead_or_unreadable_is_refused_readably_and_nothing_is_scheduled() {
        String sid = api.createAccount("Bad when " + TestNode.uniqueEmail("w"));
        api.enableLegacyTokens(sid);
        PageClient en = admin("en");
        for (String bad : new String[] {local(Instant.now().minus(Duration.ofHours(1))),
                local(Instant.now().plus(Duration.ofDays(91))), "next sunday", ""}) {
            var refused = en.submit(path(sid, "legacy-token/read-write/reset"), Map.of("when", "at", "at", bad));
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.body().contains("Choose a date and time (UTC) in the future, at most 90 days ahead."),
                    refused.body());
        }
        var de = admin("de").submit(path(sid, "legacy-token/read-write/reset"), Map.of("when", "at", "at", "morgen"));
        assertEquals(400, de.status());
        assertTrue(de.body().contains("Wählen Sie Datum und Uhrzeit (UTC) in der Zukunft"), de.body());
        assertTrue(card(sid).get("readWrite").get("scheduledResetAt").isNull());
        assertTrue(card(sid).get("readWrite").get("lastResetAt").isNull(), "and nothing was reset now either");
    }

    @Test
    void a_second_schedule_of_the_same_token_is_refused_in_the_operators_language() {
        String sid = api.createAccount("Twice " + TestNode.uniqueEmail("w"));
        api.enableLegacyTokens(sid);
        String at = local(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(303, admin("en").submit(path(sid, "legacy-token/read-only/reset"), Map.of("when", "at", "at", at))
                .status());
        var refused = admin("de").submit(path(sid, "legacy-token/read-only/reset"), Map.of("when", "at", "at", at));
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("Für dieses Token ist bereits ein Zurücksetzen geplant."), refused.body());
    }

    @Test
    void a_viewer_sees_the_scheduled_reset_but_no_cancel_and_is_refused_the_post() {
        String sid = api.createAccount("Viewer when " + TestNode.uniqueEmail("w"));
        api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset",
                Map.of("at", Instant.now().plus(Duration.ofDays(1)).toString()));
        ApiClient viewerApi = node.newOperator("when-viewer");
        api.putMember(sid, viewerApi.email(), "viewer");
        PageClient viewer = new PageClient(node.baseUrl()).signIn(viewerApi.email(), TestNode.OPERATOR_PASSWORD);
        String page = viewer.get(path(sid, "platform-rest")).body();
        assertTrue(page.contains("Reset scheduled for "), page);
        assertFalse(page.contains("Cancel scheduled reset"), page);
        assertEquals(403, viewer.submit(path(sid, "legacy-token/read-write/scheduled-reset/cancel"), Map.of()).status());
        assertFalse(card(sid).get("readWrite").get("scheduledResetAt").isNull());
    }

    @Test
    void cancel_without_the_csrf_token_is_refused_and_the_reset_stays_scheduled() {
        String sid = api.createAccount("Csrf when " + TestNode.uniqueEmail("w"));
        api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset",
                Map.of("at", Instant.now().plus(Duration.ofDays(1)).toString()));
        var missing = admin("en").post(path(sid, "legacy-token/read-write/scheduled-reset/cancel"), Map.of());
        assertEquals(403, missing.status());
        assertFalse(card(sid).get("readWrite").get("scheduledResetAt").isNull());
    }

    @Test
    void without_re_display_the_confirmation_says_why_no_time_can_be_chosen_and_a_forged_post_is_refused() {
        try (TestNode off = TestNode.sqlite(Map.of("TOKENDESK_TOKEN_REDISPLAY", "false"))) {
            ApiClient root = off.admin();
            String sid = root.createAccount("No re-display pages");
            root.post("/api/v1/accounts/" + sid + "/legacy-token", null);
            PageClient browser = new PageClient(off.baseUrl()).acceptLanguage("en")
                    .signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
            String confirm = browser.get(path(sid, "legacy-token/read-write/reset")).body();
            assertFalse(confirm.contains("name=\"when\""), confirm);
            assertTrue(confirm.contains("A reset cannot be scheduled on this server"), confirm);
            var forged = browser.submit(path(sid, "legacy-token/read-write/reset"),
                    Map.of("when", "at", "at", local(Instant.now().plus(Duration.ofDays(1)))));
            assertEquals(409, forged.status());
            assertTrue(root.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readWrite")
                    .get("scheduledResetAt").isNull());
        }
    }
}
