package org.tokendesk.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** What the pages refuse, and to whom: nobody, a forged form, a viewer, a non-member. */
class PageRefusalTest {

    private static TestNode node;
    private static WebhookReceiver receiver;
    private static ApiClient api;
    private static String sid;
    private static LegacyTokens tokens;
    private static String integrationId;
    private static String noticeId;
    private static String viewerEmail;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"));
        receiver = new WebhookReceiver();
        api = node.admin();
        sid = api.createAccount("Refusals");
        tokens = api.enableLegacyTokens(sid);
        integrationId = api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "CRM", "ownerName", "Ann",
                "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/refusals"), "scopes", List.of("read_write")))
                .text("id");
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        noticeId = api.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0).get("id").asText();
        tokens = new LegacyTokens(sid, api.get("/api/v1/accounts/" + sid + "/legacy-token/credentials").json()
                .get("readWrite").get("authToken").asText(), tokens.readOnly());
        ApiClient viewer = node.newOperator("viewer");
        viewerEmail = viewer.email();
        api.putMember(sid, viewerEmail, "viewer");
    }

    @AfterAll
    static void stop() {
        try {
            node.close();
        } finally {
            receiver.close();
        }
    }

    private static String account(String tail) {
        return account(sid, tail);
    }

    private static String account(String accountSid, String tail) {
        return "/accounts/" + accountSid + "/" + tail;
    }

    private static Map<String, Map<String, Object>> posts() {
        return posts(sid, integrationId, noticeId);
    }

    /** Every unsafe page request of an account, with a form that would otherwise be accepted. */
    private static Map<String, Map<String, Object>> posts(String sid, String integrationId, String noticeId) {
        Map<String, Object> integration = Map.of("name", "Forged", "ownerName", "Mallory", "ownerEmail",
                "mallory@example.com", "ownerLocale", "en", "webhookUrl", "", "scopes", List.of("read_write"));
        return Map.ofEntries(
                Map.entry(account(sid, "legacy-token/enable"), Map.of()),
                Map.entry(account(sid, "legacy-token/read-write/reset"), Map.of()),
                Map.entry(account(sid, "legacy-token/read-only/reset"), Map.of()),
                Map.entry(account(sid, "legacy-token/read-write/end-grace"), Map.of()),
                Map.entry(account(sid, "legacy-token/credentials"), Map.of()),
                Map.entry(account(sid, "legacy-token/api-version"), Map.of("apiVersion", "v11")),
                Map.entry(account(sid, "integrations"), integration),
                Map.entry(account(sid, "integrations/" + integrationId), integration),
                Map.entry(account(sid, "integrations/" + integrationId + "/remove"), Map.of()),
                Map.entry(account(sid, "integrations/" + integrationId + "/rotate-secret"), Map.of()),
                Map.entry(account(sid, "notices/" + noticeId + "/redeliver"), Map.of()));
    }

    private static List<String> pages() {
        return List.of(account("platform-rest"), account("settings"), account("legacy-token"),
                account("legacy-token/credentials"), account("integrations"), account("audit"),
                account("legacy-token/read-write/reset"), account("integrations/" + integrationId + "/edit"));
    }

    @Test
    void nobody_signed_in_is_sent_to_sign_in_from_every_page_and_every_form() {
        PageClient anonymous = new PageClient(node.baseUrl());
        for (String page : pages()) {
            var r = anonymous.get(page);
            assertEquals(303, r.status(), page);
            assertTrue(r.location().startsWith("/sign-in?next=%2Faccounts%2F"), r.location());
        }
        for (String path : posts().keySet()) {
            var r = anonymous.post(path, posts().get(path));
            assertEquals(303, r.status(), path);
            assertEquals("/sign-in", r.location(), path);
        }
        assertEquals("/sign-in", anonymous.get("/").location());
    }

    @Test
    void every_form_without_the_csrf_token_or_with_a_wrong_one_is_refused() {
        PageClient admin = new PageClient(node.baseUrl()).signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
        for (var post : posts().entrySet()) {
            var missing = admin.post(post.getKey(), post.getValue());
            assertEquals(403, missing.status(), post.getKey());
            assertTrue(missing.body().contains("The form has expired"), post.getKey());
            Map<String, Object> forged = new java.util.HashMap<>(post.getValue());
            forged.put("_csrf", admin.forgedCsrf());
            assertEquals(403, admin.post(post.getKey(), forged).status(), post.getKey());
        }
        assertEquals(403, admin.post("/sign-out", Map.of()).status());
        assertEquals(403, admin.post("/language", Map.of("lang", "de", "return", "/")).status());
        var anonymous = new PageClient(node.baseUrl());
        anonymous.get("/sign-in");
        assertEquals(403, anonymous.post("/sign-in", Map.of("email", TestNode.ADMIN_EMAIL,
                "password", TestNode.ADMIN_PASSWORD)).status());
        assertEquals(403, anonymous.post("/sign-in", Map.of("_csrf", "x".repeat(43), "email", TestNode.ADMIN_EMAIL,
                "password", TestNode.ADMIN_PASSWORD)).status());
        // nothing happened: the token still works and the integration is still there
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status());
        assertEquals(200, api.get("/api/v1/accounts/" + sid + "/integrations/" + integrationId).status());
    }

    @Test
    void viewers_see_the_card_and_overview_without_show_copy_or_reset() {
        PageClient viewer = new PageClient(node.baseUrl()).signIn(viewerEmail, TestNode.OPERATOR_PASSWORD);
        var card = viewer.get(account("platform-rest"));
        assertEquals(200, card.status());
        assertTrue(card.body().contains("Legacy account token"));
        assertFalse(card.body().contains("more-button"));
        assertFalse(card.body().contains("Reset (read/write)"));
        assertFalse(card.body().contains("role=\"dialog\""));
        var overview = viewer.get(account("legacy-token"));
        assertEquals(200, overview.status());
        assertTrue(overview.body().contains("<select id=\"api-version\" name=\"apiVersion\" disabled>"));
        var credentials = viewer.get(account("legacy-token/credentials"));
        assertFalse(credentials.body().contains(">Show</button>"));
        assertFalse(credentials.body().contains("data-copy=\"token-"));
        assertFalse(credentials.body().contains("reveal-form"));
        assertTrue(credentials.body().contains("Only admins of the account can see and copy the Auth Tokens."));
        var integrations = viewer.get(account("integrations"));
        assertFalse(integrations.body().contains("Rotate webhook secret"));
        assertFalse(integrations.body().contains(">Redeliver<"));
        assertFalse(integrations.body().contains("Add an integration"));
    }

    @Test
    void viewers_are_refused_every_change_even_when_they_craft_the_request() {
        PageClient viewer = new PageClient(node.baseUrl()).signIn(viewerEmail, TestNode.OPERATOR_PASSWORD);
        for (var post : posts().entrySet()) {
            var refused = viewer.submit(post.getKey(), post.getValue());
            assertEquals(403, refused.status(), post.getKey());
            assertFalse(refused.body().contains(tokens.readWrite()), post.getKey());
            assertFalse(refused.body().contains("whsec_"), post.getKey());
        }
        for (String page : List.of(account("legacy-token/read-write/reset"), account("legacy-token/read-only/reset"),
                account("integrations/" + integrationId + "/edit"), account("integrations/" + integrationId + "/remove"))) {
            assertEquals(403, viewer.get(page).status(), page);
        }
        assertEquals(204, api.check(sid, tokens.readWrite(), Map.of()).status());
    }

    @Test
    void operators_who_are_not_members_get_not_found_as_an_html_page() {
        ApiClient stranger = node.newOperator("stranger");
        PageClient browser = new PageClient(node.baseUrl()).signIn(stranger.email(), TestNode.OPERATOR_PASSWORD);
        for (String page : pages()) {
            var r = browser.get(page);
            assertEquals(404, r.status(), page);
            assertTrue(r.header("content-type").startsWith("text/html"), page);
            assertTrue(r.body().contains("Not found"), page);
            assertFalse(r.body().contains("Refusals"), page);
        }
        for (var post : posts().entrySet()) {
            assertEquals(404, browser.submit(post.getKey(), post.getValue()).status(), post.getKey());
        }
        assertEquals(404, browser.get("/accounts/not-an-account/platform-rest").status());
        assertEquals(404, browser.get("/switch-account?account=" + sid + "&to=audit").status());
    }

    @Test
    void no_token_is_ever_in_a_url_or_a_location_header() {
        String own = api.createAccount("Locations");
        String ownIntegration = api.post("/api/v1/accounts/" + own + "/integrations", Map.of("name", "CRM",
                "ownerName", "Ann", "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/locations"),
                "scopes", List.of("read_only"))).text("id");
        PageClient admin = new PageClient(node.baseUrl()).signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
        admin.submit(account(own, "legacy-token/enable"), Map.of());
        admin.submit(account(own, "legacy-token/read-only/reset"), Map.of());
        String ownNotice = api.get("/api/v1/accounts/" + own + "/notices").json().get("notices").get(0).get("id").asText();
        for (var post : posts(own, ownIntegration, ownNotice).entrySet()) {
            var r = admin.submit(post.getKey(), post.getValue());
            String location = r.location();
            if (location != null) {
                assertFalse(location.contains("tdrw_") || location.contains("tdro_") || location.contains("whsec_"),
                        location);
            }
            assertFalse(r.body().matches("(?s).*href=\"[^\"]*(tdrw_|tdro_|whsec_)[^\"]*\".*"), post.getKey());
            assertFalse(r.body().matches("(?s).*action=\"[^\"]*(tdrw_|tdro_|whsec_)[^\"]*\".*"), post.getKey());
        }
    }
}
