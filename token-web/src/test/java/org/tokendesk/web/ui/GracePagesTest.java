package org.tokendesk.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** The grace period of a reset on the operator's pages: chosen on the confirmation, shown on the card, ended there. */
class GracePagesTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code class=\"secret\" id=\"new-token\"[^>]*>(tdr[wo]_[0-9A-Za-z]+)</code>");

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

    @Test
    void the_reset_confirmation_offers_a_labelled_grace_period_that_defaults_to_none_in_english_and_german() {
        String sid = api.createAccount("Grace select " + TestNode.uniqueEmail("g"));
        api.enableLegacyTokens(sid);
        String en = admin("en").get(path(sid, "legacy-token/read-write/reset")).body();
        assertTrue(en.contains("<label for=\"confirm-grace\">Old token keeps working for</label>"), en);
        assertTrue(en.contains("<select id=\"confirm-grace\" name=\"oldTokenValidFor\""), en);
        assertTrue(en.contains("<option value=\"PT0S\" selected>Not at all</option>"), en);
        assertTrue(en.contains("<option value=\"PT1H\">1 hour</option>"), en);
        assertTrue(en.contains("<option value=\"PT24H\">24 hours</option>"), en);
        assertTrue(en.contains("<option value=\"P7D\">7 days</option>"), en);
        assertTrue(en.contains("stops passing authorization checks at once, or, if you choose a period below, when that period ends."));
        String de = admin("de").get(path(sid, "legacy-token/read-only/reset")).body();
        assertTrue(de.contains("<label for=\"confirm-grace\">Altes Token funktioniert weiter für</label>"), de);
        assertTrue(de.contains("<option value=\"PT0S\" selected>Gar nicht</option>"), de);
        assertTrue(de.contains("<option value=\"PT1H\">1 Stunde</option>"), de);
        assertTrue(de.contains("<option value=\"P7D\">7 Tage</option>"), de);
        // the card's dialog (with JavaScript) posts the same choice
        String card = admin("en").get(path(sid, "platform-rest")).body();
        assertTrue(card.contains("<select id=\"reset-read-write-grace\" name=\"oldTokenValidFor\""), card);
    }

    @Test
    void a_reset_with_one_hour_keeps_the_old_token_working_shows_until_when_and_end_now_stops_it() {
        String sid = api.createAccount("Grace hour " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        PageClient browser = admin("en");
        var done = browser.submit(path(sid, "legacy-token/read-write/reset"), Map.of("oldTokenValidFor", "PT1H"));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("The previous value keeps passing authorization checks until "), done.body());
        var fresh = NEW_TOKEN.matcher(done.body());
        assertTrue(fresh.find(), done.body());
        assertEquals(204, api.check(sid, fresh.group(1), Map.of()).status());
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status(), "the old token is in its grace period");

        String until = api.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readWrite")
                .get("oldTokenValidUntil").asText();
        assertNotNull(until);
        String card = browser.get(path(sid, "platform-rest")).body();
        assertTrue(Pattern.compile("Old token works until [^<]+ UTC \\((60|59) min left\\)").matcher(card).find(), card);
        assertTrue(card.contains("action=\"/accounts/" + sid + "/legacy-token/read-write/end-grace\""), card);
        assertTrue(card.contains(">End now</button>"), card);
        assertFalse(card.contains("/legacy-token/read-only/end-grace"), "the read-only token has no grace period");
        String overview = browser.get(path(sid, "legacy-token")).body();
        assertTrue(overview.contains("Old token works until "), overview);
        assertTrue(overview.contains("name=\"return\" value=\"legacy-token\""), overview);
        String german = admin("de").get(path(sid, "platform-rest")).body();
        assertTrue(Pattern.compile("Altes Token funktioniert bis [^<]+ UTC \\(noch (60|59) Min\\.\\)").matcher(german).find(),
                german);
        assertTrue(german.contains(">Jetzt beenden</button>"), german);

        var ended = browser.submit(path(sid, "legacy-token/read-write/end-grace"), Map.of("return", "legacy-token"));
        assertEquals(303, ended.status(), ended.body());
        assertEquals(path(sid, "legacy-token"), ended.location());
        assertEquals(401, api.check(sid, tokens.readWrite(), Map.of()).status(), "the old token fails once ended");
        assertEquals(204, api.check(sid, fresh.group(1), Map.of()).status());
        assertFalse(browser.get(path(sid, "platform-rest")).body().contains("Old token works until"));
        var fromCard = browser.submit(path(sid, "legacy-token/read-write/end-grace"), Map.of());
        assertEquals(303, fromCard.status());
        assertEquals(path(sid, "platform-rest"), fromCard.location(), "nothing to end is no failure");
    }

    @Test
    void the_page_after_a_reset_without_a_grace_period_says_the_old_token_stopped_at_once() {
        String sid = api.createAccount("Grace none " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        PageClient browser = admin("de");
        var done = browser.submit(path(sid, "legacy-token/read-only/reset"), Map.of("oldTokenValidFor", "PT0S"));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Der bisherige Wert besteht ab sofort keine Autorisierungsprüfung mehr."));
        assertEquals(401, api.check(sid, tokens.readOnly(), Map.of()).status());
        assertFalse(browser.get(path(sid, "platform-rest")).body().contains("Altes Token funktioniert bis"));
    }

    @Test
    void a_viewer_sees_until_when_the_old_token_works_but_no_end_now_and_is_refused_the_post() {
        String sid = api.createAccount("Grace viewer " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", Map.of("oldTokenValidFor", "PT24H"));
        ApiClient viewerApi = node.newOperator("grace-viewer");
        api.putMember(sid, viewerApi.email(), "viewer");
        PageClient viewer = new PageClient(node.baseUrl()).signIn(viewerApi.email(), TestNode.OPERATOR_PASSWORD);
        String card = viewer.get(path(sid, "platform-rest")).body();
        assertTrue(Pattern.compile("Old token works until [^<]+ UTC \\((24|23) h left\\)").matcher(card).find(), card);
        assertFalse(card.contains("End now"), card);
        assertFalse(card.contains("/end-grace"), card);
        String overview = viewer.get(path(sid, "legacy-token")).body();
        assertTrue(overview.contains("Old token works until"), overview);
        assertFalse(overview.contains("End now"), overview);

        var refused = viewer.submit(path(sid, "legacy-token/read-write/end-grace"), Map.of());
        assertEquals(403, refused.status());
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status(), "the grace period still runs");
    }

    @Test
    void end_now_without_the_csrf_token_is_refused_and_the_grace_period_goes_on() {
        String sid = api.createAccount("Grace csrf " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", Map.of("oldTokenValidFor", "PT1H"));
        PageClient browser = admin("en");
        var missing = browser.post(path(sid, "legacy-token/read-write/end-grace"), Map.of());
        assertEquals(403, missing.status());
        assertTrue(missing.body().contains("The form has expired"), missing.body());
        var forged = browser.post(path(sid, "legacy-token/read-write/end-grace"),
                Map.of("_csrf", browser.forgedCsrf()));
        assertEquals(403, forged.status());
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status());
    }

    @Test
    void a_grace_period_the_api_would_refuse_is_refused_with_a_readable_error_and_nothing_is_reset() {
        String sid = api.createAccount("Grace bad " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        PageClient en = admin("en");
        for (String bad : new String[] {"P30D", "PT-1H", "an hour"}) {
            var refused = en.submit(path(sid, "legacy-token/read-write/reset"), Map.of("oldTokenValidFor", bad));
            assertEquals(400, refused.status(), bad);
            assertTrue(refused.header("content-type").startsWith("text/html"), bad);
            assertTrue(refused.body().contains(
                    "The old token can keep working for at most 7 days. Choose one of the offered periods."), refused.body());
            assertFalse(NEW_TOKEN.matcher(refused.body()).find(), bad);
        }
        var de = admin("de").submit(path(sid, "legacy-token/read-write/reset"), Map.of("oldTokenValidFor", "P30D"));
        assertEquals(400, de.status());
        assertTrue(de.body().contains("Das alte Token kann höchstens 7 Tage weiter funktionieren."), de.body());
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status(), "nothing was reset");
    }
}
