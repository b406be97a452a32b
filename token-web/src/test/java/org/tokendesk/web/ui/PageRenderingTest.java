package org.tokendesk.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/** Each page as the server renders it, for an admin, in English and in German, without JavaScript. */
class PageRenderingTest {

    private static TestNode node;
    private static WebhookReceiver receiver;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        receiver = new WebhookReceiver();
        api = node.admin();
    }

    @AfterAll
    static void stop() {
        try {
            node.close();
        } finally {
            receiver.close();
        }
    }

    private static PageClient admin(String language) {
        return new PageClient(node.baseUrl()).acceptLanguage(language).signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    }

    private static void assertPageHeaders(PageClient.Page page) {
        String csp = page.header("content-security-policy");
        assertNotNull(csp, page.url());
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(page.header("content-type").startsWith("text/html"), page.url());
        assertEquals("no-store", page.header("cache-control"), page.url());
    }

    @Test
    void sign_in_page_speaks_the_browsers_language_with_english_as_fallback() {
        var en = new PageClient(node.baseUrl()).acceptLanguage("fr-FR,fr;q=0.9").get("/sign-in");
        assertEquals(200, en.status());
        assertTrue(en.body().contains("<html lang=\"en\">"));
        assertTrue(en.body().contains("<label for=\"email\">Email</label>"));
        assertPageHeaders(en);
        var de = new PageClient(node.baseUrl()).acceptLanguage("de-DE,de;q=0.9,en;q=0.5").get("/sign-in");
        assertTrue(de.body().contains("<html lang=\"de\">"));
        assertTrue(de.body().contains(">Anmelden</button>"));
        assertTrue(de.body().contains("<label for=\"password\">Passwort</label>"));
    }

    @Test
    void signing_in_leads_to_the_first_accounts_page_and_signing_out_ends_the_session() {
        api.createAccount("Start " + TestNode.uniqueEmail("a"));
        PageClient browser = admin("en");
        var home = browser.get("/");
        assertEquals(303, home.status());
        assertTrue(home.location().matches("/accounts/AC[0-9a-f]{32}/platform-rest"), home.location());
        assertEquals(303, browser.submit("/sign-out", Map.of()).status());
        var after = browser.get(home.location());
        assertEquals(303, after.status());
        assertTrue(after.location().startsWith("/sign-in"));
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_a_message() {
        PageClient browser = new PageClient(node.baseUrl());
        var form = browser.get("/sign-in");
        var wrong = browser.post("/sign-in", Map.of("_csrf", form.csrfField(), "email", TestNode.uniqueEmail("nobody"),
                "password", "not the password at all"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("The email or the password is wrong."));
        assertPageHeaders(wrong);
    }

    @Test
    void settings_lead_through_account_and_technical_to_platform_rest_web_services_in_both_languages() {
        String sid = api.createAccount("Settings " + TestNode.uniqueEmail("s"));
        var en = admin("en").get("/accounts/" + sid + "/settings");
        assertEquals(200, en.status());
        assertPageHeaders(en);
        for (String label : List.of(">Settings</", ">Account</h2>", ">Technical</h3>", ">Platform REST Web Services</a>")) {
            assertTrue(en.body().contains(label), label);
        }
        assertTrue(en.body().contains("href=\"/accounts/" + sid + "/platform-rest\""));
        var de = admin("de").get("/accounts/" + sid + "/settings");
        for (String label : List.of(">Einstellungen</", ">Konto</h2>", ">Technisch</h3>", ">Platform REST Web Services</a>")) {
            assertTrue(de.body().contains(label), label);
        }
    }

    @Test
    void the_platform_rest_page_offers_enable_until_the_card_exists_then_shows_the_card_with_its_menu() {
        String sid = api.createAccount("Card " + TestNode.uniqueEmail("c"));
        PageClient browser = admin("en");
        var before = browser.get("/accounts/" + sid + "/platform-rest");
        assertEquals(200, before.status());
        assertPageHeaders(before);
        assertTrue(before.body().contains(">Enable legacy tokens</button>"));
        assertFalse(before.body().contains("Legacy account token"));
        assertTrue(before.body().contains(">Keep your tokens safe</h2>"));

        var enabled = browser.submit("/accounts/" + sid + "/legacy-token/enable", Map.of());
        assertEquals(303, enabled.status());
        assertEquals("/accounts/" + sid + "/platform-rest", enabled.location());
        var after = browser.get(enabled.location());
        assertFalse(after.body().contains("Enable legacy tokens"));
        assertTrue(after.body().contains(">Legacy account token</a></h2>"));
        assertTrue(after.body().contains("aria-label=\"More\""));
        assertTrue(after.body().contains("aria-haspopup=\"menu\""));
        assertTrue(after.body().contains("role=\"menu\""));
        assertTrue(after.body().contains("role=\"menuitem\""));
        assertTrue(after.body().contains(">Reset (read/write)</a>"));
        assertTrue(after.body().contains(">Reset (read-only)</a>"));
        assertTrue(after.body().contains("role=\"dialog\" aria-modal=\"true\""));
        assertTrue(after.body().contains(sid));
        assertTrue(after.body().contains(">API version</dt>"));

        var de = admin("de").get("/accounts/" + sid + "/platform-rest");
        for (String label : List.of(">Legacy-Konto-Token</a>", "aria-label=\"Mehr\"", ">Zurücksetzen (Lese/Schreib)</a>",
                ">Zurücksetzen (Nur-Lese)</a>", ">API-Version</dt>")) {
            assertTrue(de.body().contains(label), label);
        }
    }

    @Test
    void german_labels_of_the_enable_button_match_the_help_page() {
        String sid = api.createAccount("Knopf " + TestNode.uniqueEmail("k"));
        var de = admin("de").get("/accounts/" + sid + "/platform-rest");
        assertTrue(de.body().contains(">Legacy-Token aktivieren</button>"));
    }

    @Test
    void enabling_from_the_script_answers_with_the_card_alone() {
        String sid = api.createAccount("Script " + TestNode.uniqueEmail("j"));
        PageClient browser = admin("en");
        var fragment = browser.post("/accounts/" + sid + "/legacy-token/enable", Map.of(),
                Map.of("X-CSRF-Token", browser.csrf(), "X-Requested-With", "fetch"));
        assertEquals(200, fragment.status());
        assertTrue(fragment.body().contains("id=\"legacy-card\""));
        assertFalse(fragment.body().contains("<html"));
        assertPageHeaders(fragment);
    }

    @Test
    void account_names_are_shown_as_text_never_as_markup() {
        String sid = api.createAccount("<script>alert(1)</script>");
        api.createAccount("Second account " + TestNode.uniqueEmail("x"));
        PageClient browser = admin("en");
        for (String page : List.of("/platform-rest", "/settings", "/integrations", "/audit")) {
            var html = browser.get("/accounts/" + sid + page);
            assertEquals(200, html.status(), page);
            assertFalse(html.body().contains("<script>alert(1)"), page);
            assertTrue(html.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        }
    }

    @Test
    void the_token_pages_have_tabs_and_the_credentials_stay_masked_until_shown() {
        String sid = api.createAccount("Tabs " + TestNode.uniqueEmail("t"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        PageClient browser = admin("en");
        var overview = browser.get("/accounts/" + sid + "/legacy-token");
        assertEquals(200, overview.status());
        assertPageHeaders(overview);
        assertTrue(overview.body().contains("role=\"tablist\""));
        assertTrue(overview.body().contains(">Overview</a>"));
        assertTrue(overview.body().contains(">API credentials</a>"));
        assertTrue(overview.body().contains("<label for=\"api-version\">API version</label>"));
        var credentials = browser.get("/accounts/" + sid + "/legacy-token/credentials");
        assertEquals(200, credentials.status());
        assertTrue(credentials.body().contains("id=\"tab-credentials\" href=\"/accounts/" + sid
                + "/legacy-token/credentials\" aria-controls=\"panel-credentials\" aria-selected=\"true\""));
        assertTrue(credentials.body().contains(">Show</button>"));
        assertTrue(credentials.body().contains(">Auth Token</span>"));
        for (var page : List.of(overview, credentials, browser.get("/accounts/" + sid + "/platform-rest"))) {
            assertFalse(page.body().contains(tokens.readWrite()), page.url());
            assertFalse(page.body().contains(tokens.readOnly()), page.url());
        }
        var shown = browser.submit("/accounts/" + sid + "/legacy-token/credentials", Map.of());
        assertEquals(200, shown.status());
        assertPageHeaders(shown);
        assertTrue(shown.body().contains(tokens.readWrite()));
        assertTrue(shown.body().contains(tokens.readOnly()));
        var de = admin("de").get("/accounts/" + sid + "/legacy-token/credentials");
        for (String label : List.of(">Übersicht</a>", ">API-Anmeldeinformationen</a>", ">Auth-Token</span>",
                ">Account SID</span>", ">Anzeigen</button>")) {
            assertTrue(de.body().contains(label), label);
        }
    }

    @Test
    void the_api_version_is_saved_from_the_form() {
        String sid = api.createAccount("Version " + TestNode.uniqueEmail("v"));
        api.enableLegacyTokens(sid);
        PageClient browser = admin("en");
        var saved = browser.submit("/accounts/" + sid + "/legacy-token/api-version", Map.of("apiVersion", "v11"));
        assertEquals(303, saved.status());
        var page = browser.get(saved.location());
        assertTrue(page.body().contains("<option value=\"v11\" selected>v11</option>"), page.body());
        assertTrue(page.body().contains("Saved."));
        assertEquals("v11", api.get("/api/v1/accounts/" + sid + "/legacy-token").text("apiVersion"));
        var script = browser.post("/accounts/" + sid + "/legacy-token/api-version", Map.of("apiVersion", "v12"),
                Map.of("X-CSRF-Token", browser.csrf(), "X-Requested-With", "fetch"));
        assertEquals(204, script.status());
        assertEquals("v12", api.get("/api/v1/accounts/" + sid + "/legacy-token").text("apiVersion"));
    }

    @Test
    void the_reset_confirmation_shows_last_use_recent_clients_and_old_token_sightings_in_english_and_german() {
        String sid = api.createAccount("Usage " + TestNode.uniqueEmail("u"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        String path = "/accounts/" + sid + "/legacy-token/read-only/reset";
        var none = admin("en").get(path);
        assertTrue(none.body().contains("No client used this token in the last 7 days."), none.body());
        assertTrue(none.body().contains("The previous token was not presented in the last 7 days."));

        String client = TestNode.uniqueAddress();
        api.check(sid, tokens.readOnly(), Map.of("X-Real-IP", client, "User-Agent", "report-<bot>/1"));
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-only/reset", null);
        String stale = TestNode.uniqueAddress();
        api.check(sid, tokens.readOnly(), Map.of("X-Real-IP", stale, "User-Agent", "old-cron/2",
                "X-Original-URI", "/reports/daily?key=hidden"));
        var en = org.tokendesk.web.testing.Eventually.waitFor("the sighting on the page", java.time.Duration.ofSeconds(10),
                () -> admin("en").get(path), page -> page.body().contains("id=\"stale-use\""));
        assertPageHeaders(en);
        assertTrue(en.body().contains("The previous token was still presented 1 times by 1 client(s) in the last 7 days"),
                en.body());
        assertTrue(en.body().contains(stale) && en.body().contains("old-cron/2") && en.body().contains("<code>/reports/daily</code>"),
                en.body());
        assertFalse(en.body().contains("key=hidden"), "the query string is never shown");
        assertTrue(en.body().contains("No client used this token in the last 7 days."), "clients of the old token are not listed");
        var de = admin("de").get(path);
        assertTrue(de.body().contains("Das vorherige Token wurde in den letzten 7 Tagen noch 1-mal von 1 Client(s) vorgelegt"),
                de.body());
        assertTrue(de.body().contains("Wer dieses Token verwendet"));
    }

    @Test
    void the_overview_draws_checks_per_hour_with_old_token_sightings_marked_and_a_summary_in_english_and_german() {
        String sid = api.createAccount("Chart " + TestNode.uniqueEmail("g"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        String overview = "/accounts/" + sid + "/legacy-token";
        var quiet = admin("en").get(overview);
        assertTrue(quiet.body().contains("<svg viewBox=\"0 0 700 140\" role=\"img\" aria-label=\"Checks per hour in the last 7 days:"),
                quiet.body());
        assertTrue(quiet.body().contains("0 checks in 7 days."), quiet.body());

        for (int i = 0; i < 3; i++) {
            api.check(sid, tokens.readWrite(), Map.of("X-Real-IP", TestNode.uniqueAddress()));
        }
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        api.check(sid, tokens.readWrite(), Map.of("X-Real-IP", TestNode.uniqueAddress()));
        var en = org.tokendesk.web.testing.Eventually.waitFor("bars and a sighting", java.time.Duration.ofSeconds(10),
                () -> admin("en").get(overview), page -> page.body().contains("<polygon") && page.body().contains("3 checks in 7 days"));
        assertPageHeaders(en);
        String body = en.body();
        assertTrue(body.contains("3 checks in 7 days; 1 use of the old token after the reset on"), body);
        assertTrue(body.contains("<title id=\"usage-read-write-title\">") && body.contains("<desc id=\"usage-read-write-desc\">"), body);
        assertTrue(body.contains("class=\"bar\""), "bars for the checks");
        assertTrue(body.contains("class=\"sighting\""), "a triangle, not only a colour, for the sighting");
        assertTrue(body.contains("stroke-dasharray"), "a dashed line at the reset");
        assertFalse(body.contains("style="), "no inline style under the CSP");
        var de = admin("de").get(overview);
        assertTrue(de.body().contains("3 Prüfungen in 7 Tagen; 1 Verwendung des alten Tokens nach dem Zurücksetzen am"),
                de.body());
        assertTrue(de.body().contains("aria-label=\"Prüfungen pro Stunde in den letzten 7 Tagen: "), de.body());
        assertTrue(de.body().contains("Nutzung auf einen Blick"));
    }

    @Test
    void the_reset_confirmation_lists_the_recent_clients_of_the_current_token() {
        String sid = api.createAccount("Clients " + TestNode.uniqueEmail("c"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        String client = TestNode.uniqueAddress();
        api.check(sid, tokens.readWrite(), Map.of("X-Real-IP", client, "User-Agent", "billing-<sync>/3"));
        var en = org.tokendesk.web.testing.Eventually.waitFor("the client on the page", java.time.Duration.ofSeconds(10),
                () -> admin("en").get("/accounts/" + sid + "/legacy-token/read-write/reset"),
                page -> page.body().contains("id=\"recent-clients\""));
        assertTrue(en.body().contains(client), en.body());
        assertTrue(en.body().contains("billing-&lt;sync&gt;/3"), "escaped");
        assertTrue(en.body().contains("1 checks, last"), en.body());
        assertFalse(en.body().contains("Last used</dt><dd>Never"));
    }

    @Test
    void a_reset_is_confirmed_in_words_that_name_the_integrations_then_shows_the_new_token_once() {
        String sid = api.createAccount("Reset " + TestNode.uniqueEmail("r"));
        LegacyTokens tokens = api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Billing <sync>", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "scopes", List.of("read_write")));
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Reports only", "ownerName", "Bob",
                "ownerEmail", "bob@example.com", "scopes", List.of("read_only")));
        PageClient browser = admin("en");
        var confirm = browser.get("/accounts/" + sid + "/legacy-token/read-write/reset");
        assertEquals(200, confirm.status());
        assertPageHeaders(confirm);
        assertTrue(confirm.body().contains("A new read/write Auth Token is generated."));
        assertTrue(confirm.body().contains("The previous value stops passing authorization checks at once, or, if you choose"
                + " a period below, when that period ends."));
        assertTrue(confirm.body().contains("Every integration that uses it must be given the new value."));
        assertTrue(confirm.body().contains("Billing &lt;sync&gt;"));
        assertTrue(confirm.body().contains("ann@example.com"));
        assertFalse(confirm.body().contains("Reports only"));

        var done = browser.submit("/accounts/" + sid + "/legacy-token/read-write/reset", Map.of());
        assertEquals(200, done.status());
        assertNull(done.location());
        assertPageHeaders(done);
        var matcher = java.util.regex.Pattern.compile("<code class=\"secret\" id=\"new-token\"[^>]*>(tdrw_[0-9A-Za-z]+)</code>")
                .matcher(done.body());
        assertTrue(matcher.find(), done.body());
        String fresh = matcher.group(1);
        assertFalse(fresh.equals(tokens.readWrite()));
        assertEquals(204, api.check(sid, fresh, Map.of()).status());
        assertEquals(401, api.check(sid, tokens.readWrite(), Map.of()).status());
        assertTrue(done.body().contains("data-copy=\"new-token\""));
        assertFalse(browser.get("/accounts/" + sid + "/platform-rest").body().contains(fresh));

        var de = admin("de").get("/accounts/" + sid + "/legacy-token/read-only/reset");
        assertTrue(de.body().contains("Der bisherige Wert besteht ab sofort keine Autorisierungsprüfung mehr, oder, wenn Sie"
                + " unten einen Zeitraum wählen, erst nach dessen Ablauf nicht mehr."));
        assertTrue(de.body().contains("Reports only"));
    }

    @Test
    void integrations_are_added_edited_rotated_and_removed_with_the_secret_shown_once() {
        String sid = api.createAccount("Integrations " + TestNode.uniqueEmail("i"));
        PageClient browser = admin("en");
        var list = browser.get("/accounts/" + sid + "/integrations");
        assertEquals(200, list.status());
        assertPageHeaders(list);
        assertTrue(list.body().contains("<label for=\"add-ownerEmail\">"));
        var invalid = browser.submit("/accounts/" + sid + "/integrations", Map.of("name", "Broken", "ownerName", "Eve",
                "ownerEmail", "not-an-email", "ownerLocale", "en", "webhookUrl", "", "scopes", List.of("read_write")));
        assertEquals(422, invalid.status());
        assertTrue(invalid.body().contains("role=\"alert\""));
        assertTrue(invalid.body().contains("value=\"Broken\""));

        var created = browser.submit("/accounts/" + sid + "/integrations", Map.of("name", "CRM", "ownerName", "Eve",
                "ownerEmail", "eve@example.com", "ownerLocale", "de", "webhookUrl", "https://hooks.example.com/td",
                "scopes", List.of("read_write", "read_only")));
        assertEquals(200, created.status());
        assertPageHeaders(created);
        assertTrue(created.body().matches("(?s).*<code class=\"secret\" id=\"webhook-secret\"[^>]*>whsec_.*"));
        String id = api.get("/api/v1/accounts/" + sid + "/integrations").json().get("integrations").get(0).get("id").asText();
        var shown = browser.get("/accounts/" + sid + "/integrations");
        assertTrue(shown.body().contains("https://hooks.example.com/td"));
        assertTrue(shown.body().contains("eve@example.com"));
        assertFalse(shown.body().contains("whsec_"));

        var edit = browser.get("/accounts/" + sid + "/integrations/" + id + "/edit");
        assertEquals(200, edit.status());
        assertTrue(edit.body().contains("value=\"CRM\""));
        var saved = browser.submit("/accounts/" + sid + "/integrations/" + id, Map.of("name", "CRM 2", "ownerName", "Eve",
                "ownerEmail", "eve@example.com", "ownerLocale", "de", "webhookUrl", "", "scopes", List.of("read_only")));
        assertEquals(303, saved.status());
        var changed = api.get("/api/v1/accounts/" + sid + "/integrations/" + id).json();
        assertEquals("CRM 2", changed.get("name").asText());
        assertTrue(changed.get("webhookUrl").isNull());

        var rotated = browser.submit("/accounts/" + sid + "/integrations/" + id + "/rotate-secret", Map.of());
        assertEquals(200, rotated.status());
        assertPageHeaders(rotated);
        assertTrue(rotated.body().contains("whsec_"));

        var confirm = browser.get("/accounts/" + sid + "/integrations/" + id + "/remove");
        assertTrue(confirm.body().contains("Remove CRM 2?"));
        assertEquals(303, browser.submit("/accounts/" + sid + "/integrations/" + id + "/remove", Map.of()).status());
        assertEquals(404, api.get("/api/v1/accounts/" + sid + "/integrations/" + id).status());
        var de = admin("de").get("/accounts/" + sid + "/integrations");
        assertTrue(de.body().contains(">Integration hinzufügen</h2>"));
        assertTrue(de.body().contains(">Zustellprotokoll</h2>"));
    }

    @Test
    void the_delivery_log_lists_notices_and_redeliver_queues_one_again() {
        String sid = api.createAccount("Log " + TestNode.uniqueEmail("l"));
        api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Hooked", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/log"), "scopes", List.of("read_write")));
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        String noticeId = api.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0).get("id").asText();
        PageClient browser = admin("en");
        var log = browser.get("/accounts/" + sid + "/integrations");
        assertTrue(log.body().contains(">Delivery log</h2>"));
        assertTrue(log.body().contains(noticeId));
        assertTrue(log.body().contains(">Redeliver<"));
        var redelivered = browser.submit("/accounts/" + sid + "/notices/" + noticeId + "/redeliver", Map.of());
        assertEquals(303, redelivered.status());
        assertTrue(browser.get(redelivered.location()).body().contains("The notice is queued for delivery again."));
        assertTrue(api.get("/api/v1/accounts/" + sid + "/audit").body().contains("notice.redelivered"));
    }

    @Test
    void the_owners_acknowledgement_page_needs_no_sign_in_has_one_button_and_speaks_the_browsers_language() {
        String sid = api.createAccount("Ack " + TestNode.uniqueEmail("a"));
        api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Confirming", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/ack-page"), "scopes", List.of("read_write")));
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        var hook = org.tokendesk.web.testing.Eventually.waitFor("the webhook", java.time.Duration.ofSeconds(20),
                () -> receiver.received().stream().filter(r -> r.path().equals("/ack-page")).findFirst().orElse(null),
                r -> r != null);
        var link = java.util.regex.Pattern.compile("(/ack/[A-Za-z0-9_.-]+)").matcher(hook.body());
        assertTrue(link.find(), hook.body());
        String path = link.group(1);

        var de = new PageClient(node.baseUrl()).acceptLanguage("de-DE,de;q=0.9").get(path);
        assertEquals(200, de.status());
        assertPageHeaders(de);
        assertTrue(de.body().contains("<html lang=\"de\">"));
        assertTrue(de.body().contains(">Ich habe diese Integration aktualisiert</button>"), de.body());
        assertFalse(de.body().contains("name=\"_csrf\""), "no session, no form token: the link is the permission");
        assertFalse(de.body().contains("/language"), "no language switch without a form token");
        var en = new PageClient(node.baseUrl()).acceptLanguage("en").get(path);
        assertTrue(en.body().contains(">I have updated this integration</button>"));
        assertTrue(en.body().contains(sid) && en.body().contains("Confirming") && en.body().contains("Read/write token"));

        var done = new PageClient(node.baseUrl()).acceptLanguage("en").post(path, Map.of());
        assertEquals(200, done.status());
        assertPageHeaders(done);
        assertTrue(done.body().contains("Your confirmation was recorded on"), done.body());
        var again = new PageClient(node.baseUrl()).acceptLanguage("de").post(path, Map.of());
        assertEquals(410, again.status());
        assertTrue(again.body().contains("Dieser Link wurde bereits am"), again.body());
        var forged = new PageClient(node.baseUrl()).acceptLanguage("en").get("/ack/forged");
        assertEquals(404, forged.status());
        assertPageHeaders(forged);
    }

    @Test
    void the_audit_log_shows_who_did_what_when_and_from_where_in_pages() {
        String sid = api.createAccount("Audit " + TestNode.uniqueEmail("u"));
        api.enableLegacyTokens(sid);
        for (int i = 0; i < 60; i++) {
            api.patch("/api/v1/accounts/" + sid + "/legacy-token", Map.of("apiVersion", i % 2 == 0 ? "v11" : "v12"));
        }
        PageClient browser = admin("en");
        var first = browser.get("/accounts/" + sid + "/audit");
        assertEquals(200, first.status());
        assertPageHeaders(first);
        assertTrue(first.body().contains(TestNode.ADMIN_EMAIL));
        assertTrue(first.body().contains("legacy_token.api_version_changed"));
        assertTrue(first.body().contains("127.0.0.1"));
        var older = java.util.regex.Pattern.compile("href=\"(/accounts/" + sid + "/audit\\?before=\\d+)\"").matcher(first.body());
        assertTrue(older.find());
        var second = browser.get(older.group(1));
        assertEquals(200, second.status());
        assertTrue(second.body().contains("legacy_token.enabled"));
        assertTrue(admin("de").get("/accounts/" + sid + "/audit").body().contains(">Audit-Protokoll</h1>"));
    }

    @Test
    void the_language_switch_overrides_the_browser_language() {
        String sid = api.createAccount("Sprache " + TestNode.uniqueEmail("g"));
        PageClient browser = admin("en");
        var switched = browser.submit("/language", Map.of("lang", "de", "return", "/accounts/" + sid + "/settings"));
        assertEquals(303, switched.status());
        assertEquals("/accounts/" + sid + "/settings", switched.location());
        assertTrue(browser.get(switched.location()).body().contains(">Einstellungen</h1>"));
        var away = browser.submit("/language", Map.of("lang", "en", "return", "//evil.example.com/"));
        assertEquals("/", away.location());
    }

    @Test
    void the_account_picker_switches_to_the_same_page_of_another_account() {
        String one = api.createAccount("Picker one " + TestNode.uniqueEmail("p"));
        String two = api.createAccount("Picker two " + TestNode.uniqueEmail("p"));
        PageClient browser = admin("en");
        var page = browser.get("/accounts/" + one + "/integrations");
        assertTrue(page.body().contains("<select id=\"account-picker\""));
        assertTrue(page.body().contains("<label for=\"account-picker\">Account</label>"));
        var switched = browser.get("/switch-account?account=" + two + "&to=integrations");
        assertEquals(303, switched.status());
        assertEquals("/accounts/" + two + "/integrations", switched.location());
    }

    @Test
    void the_stylesheet_script_and_icon_are_served_from_our_origin() {
        PageClient browser = new PageClient(node.baseUrl());
        assertTrue(browser.get("/ui/app.css").header("content-type").startsWith("text/css"));
        assertTrue(browser.get("/ui/app.js").header("content-type").startsWith("text/javascript"));
        assertTrue(browser.get("/ui/favicon.svg").header("content-type").startsWith("image/svg+xml"));
        assertEquals(404, browser.get("/ui/..%2Fmessages_en.properties").status());
    }
}
