package org.tokendesk.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.TestNode;
import org.tokendesk.web.testing.WebhookReceiver;

/**
 * The operator's whole flow in a real headless Chromium: sign in, Settings → Account → Technical →
 * Platform REST Web Services, enable, the More menu by keyboard, reset with the confirmation that
 * names an integration, the new token with Copy, the token pages, integrations with the delivery
 * log, the audit log; in English and German, at desktop and phone widths, and without JavaScript.
 * Writes the screenshots of docs/screenshots.
 */
@Tag("system")
class BrowserFlowTest {

    private static final Path SCREENSHOTS = screenshots();

    private static TestNode node;
    private static ApiClient api;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true",
                "TOKENDESK_NOTIFY_RETRY_DELAYS", "1s"));
        api = node.admin();
        receiver = new WebhookReceiver();
        api.createAccount("Another agency");
    }

    @AfterAll
    static void stop() {
        try {
            node.close();
        } finally {
            receiver.close();
        }
    }

    /** The repository's docs/screenshots (the tests run in token-web/). */
    private static Path screenshots() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("../docs")) ? here.resolve("..") : here;
        return root.resolve("docs/screenshots").normalize();
    }

    /** Labels the test looks for, in each language. */
    record Labels(String settings, String account, String technical, String enable, String cardTitle, String more,
            String resetReadWrite, String resetReadOnly, String overview, String credentials, String apiVersion,
            String authToken, String saved, String copied, String delivered, String tips) {

        static Labels of(String language) {
            return language.equals("de")
                    ? new Labels("Einstellungen", "Konto", "Technisch", "Legacy-Token aktivieren", "Legacy-Konto-Token",
                            "Mehr", "Zurücksetzen (Lese/Schreib)", "Zurücksetzen (Nur-Lese)", "Übersicht",
                            "API-Anmeldeinformationen", "API-Version", "Auth-Token", "Gespeichert.",
                            "In die Zwischenablage kopiert.", "Zugestellt", "So schützen Sie Ihre Tokens")
                    : new Labels("Settings", "Account", "Technical", "Enable legacy tokens", "Legacy account token",
                            "More", "Reset (read/write)", "Reset (read-only)", "Overview", "API credentials",
                            "API version", "Auth Token", "Saved.", "Copied to the clipboard.", "Delivered",
                            "Keep your tokens safe");
        }
    }

    static Stream<Arguments> languagesAndWidths() {
        return Stream.of(Arguments.of("en", "desktop", 1280, 900), Arguments.of("de", "desktop", 1280, 900),
                Arguments.of("en", "phone", 360, 740), Arguments.of("de", "phone", 360, 740));
    }

    @ParameterizedTest(name = "in {0} on a {1} ({2}×{3})")
    @MethodSource("languagesAndWidths")
    void an_operator_enables_resets_and_hands_over_a_token_with_keyboard_and_mouse(String language, String device,
            int width, int height) {
        Labels l = Labels.of(language);
        String sid = api.createAccount("Acme " + language + " " + device);
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Billing sync", "ownerName", "Ann Owner",
                "ownerEmail", "ann@example.com", "webhookUrl", receiver.url("/" + language + "-" + device),
                "scopes", List.of("read_write")));
        boolean phone = width < 600;
        String shot = language + "-" + device;
        try (HeadlessChromium browser = new HeadlessChromium(language, width, height, true)) {
            var driver = browser.driver();
            browser.allowClipboard(node.baseUrl());

            // sign in
            driver.get(node.baseUrl() + "/");
            browser.visible(By.id("email")).sendKeys(TestNode.ADMIN_EMAIL);
            driver.findElement(By.id("password")).sendKeys(TestNode.ADMIN_PASSWORD);
            if (language.equals("en") && !phone) {
                browser.screenshot(SCREENSHOTS.resolve("sign-in-" + shot + ".png"));
            }
            driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().contains("/platform-rest"));

            // the account picker in the header (the operator has several accounts)
            new Select(browser.visible(By.id("account-picker"))).selectByValue(sid);
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/platform-rest"));

            // the left navigation: Settings → Account → Technical → Platform REST Web Services
            openNavigation(browser, phone);
            browser.visible(By.linkText(l.settings())).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/settings"));
            assertEquals(l.account(), driver.findElement(By.id("section-account")).getText());
            assertEquals(l.technical(), driver.findElement(By.id("group-technical")).getText());
            driver.findElement(By.cssSelector("#main .entries a[href$='/platform-rest']")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/platform-rest"));
            assertEquals(l.tips(), driver.findElement(By.id("tips-title")).getText());
            assertFitsTheWidth(browser, width);

            // Enable legacy tokens: the button goes, the card comes, without a new page
            browser.script("window.tokendeskSamePage = true;");
            WebElement enable = browser.visible(By.id("enable-button"));
            assertEquals(l.enable(), enable.getText());
            enable.click();
            browser.visible(By.id("legacy-card"));
            assertTrue(driver.findElements(By.id("enable-button")).isEmpty());
            assertEquals(Boolean.TRUE, browser.script("return window.tokendeskSamePage === true;"));
            assertEquals(l.cardTitle(), driver.findElement(By.id("card-title")).getText());
            assertTrue(driver.findElement(By.id("legacy-card")).getText().contains(sid));
            assertFitsTheWidth(browser, width);
            browser.fullPageScreenshot(SCREENSHOTS.resolve("platform-rest-" + shot + ".png"));

            // the More menu by keyboard: Enter opens it on its first item, Escape closes it and focus returns
            WebElement more = driver.findElement(By.id("more-button"));
            assertEquals(l.more(), more.getAttribute("aria-label"));
            browser.script("arguments[0].focus();", more);
            browser.focused().sendKeys(Keys.ENTER);
            browser.until(d -> "true".equals(more.getAttribute("aria-expanded")));
            assertEquals(l.resetReadWrite(), browser.focused().getText());
            browser.focused().sendKeys(Keys.ARROW_DOWN);
            assertEquals(l.resetReadOnly(), browser.focused().getText());
            browser.focused().sendKeys(Keys.ESCAPE);
            browser.waitForFocusOn("more-button");
            assertEquals("false", more.getAttribute("aria-expanded"));
            assertFalse(driver.findElement(By.id("more-menu")).isDisplayed());

            // Reset (read/write): a modal dialog that says what happens and names the integration
            browser.focused().sendKeys(Keys.ENTER);
            browser.until(d -> l.resetReadWrite().equals(d.switchTo().activeElement().getText()));
            browser.focused().sendKeys(Keys.ENTER);
            WebElement dialog = browser.visible(By.cssSelector("#reset-read-write [role='dialog']"));
            assertEquals("true", dialog.getAttribute("aria-modal"));
            assertTrue(dialog.getText().contains("Billing sync"), dialog.getText());
            assertTrue(dialog.getText().contains("ann@example.com"));
            browser.focused().sendKeys(Keys.ESCAPE);
            browser.waitForFocusOn("more-button");
            assertFalse(dialog.isDisplayed());
            more.click();
            browser.visible(By.cssSelector("#more-menu [data-dialog='reset-read-write']")).click();
            dialog = browser.visible(By.cssSelector("#reset-read-write [role='dialog']"));
            if (!phone) {
                browser.screenshot(SCREENSHOTS.resolve("reset-confirmation-" + shot + ".png"));
            }
            dialog.findElement(By.cssSelector("button[type='submit']")).click();

            // the new token, once, with Copy; never in the address
            WebElement fresh = browser.visible(By.id("new-token"));
            String token = fresh.getText();
            assertTrue(token.startsWith("tdrw_"), token);
            assertFalse(driver.getCurrentUrl().contains(token));
            assertEquals(204, api.check(sid, token, Map.of()).status());
            driver.findElement(By.cssSelector("button[data-copy='new-token']")).click();
            browser.until(d -> l.copied().equals(d.findElement(By.cssSelector(".shown-once [role='status']")).getText()));
            assertEquals(token, browser.clipboard());
            if (!phone) {
                browser.screenshot(SCREENSHOTS.resolve("new-token-" + shot + ".png"));
            }

            // the token pages: Overview with the API version saved on change
            driver.get(node.baseUrl() + "/accounts/" + sid + "/platform-rest");
            browser.visible(By.cssSelector("#card-title a")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/legacy-token"));
            assertEquals(l.overview(), driver.findElement(By.id("tab-overview")).getText());
            assertEquals(l.apiVersion(), driver.findElement(By.cssSelector("label[for='api-version']")).getText());
            new Select(driver.findElement(By.id("api-version"))).selectByValue("v11");
            browser.until(d -> l.saved().equals(d.findElement(By.id("api-version-status")).getText()));
            driver.navigate().refresh();
            assertEquals("v11", new Select(browser.visible(By.id("api-version"))).getFirstSelectedOption().getAttribute("value"));
            assertFitsTheWidth(browser, width);
            if (!phone) {
                browser.screenshot(SCREENSHOTS.resolve("token-overview-" + shot + ".png"));
            }

            // API credentials by keyboard (arrow keys between tabs), masked until Show, each with Copy
            browser.script("arguments[0].focus();", driver.findElement(By.id("tab-overview")));
            browser.focused().sendKeys(Keys.ARROW_RIGHT);
            browser.waitForFocusOn("tab-credentials");
            assertEquals(l.credentials(), browser.focused().getText());
            assertEquals("true", driver.findElement(By.id("tab-credentials")).getAttribute("aria-selected"));
            WebElement readWrite = browser.visible(By.id("token-read-write"));
            assertFalse(readWrite.getText().contains(token));
            if (!phone) {
                browser.screenshot(SCREENSHOTS.resolve("api-credentials-" + shot + ".png"));
            }
            driver.findElement(By.cssSelector("button[data-show='token-read-write']")).click();
            browser.until(d -> token.equals(d.findElement(By.id("token-read-write")).getText()));
            String readOnly = api.get("/api/v1/accounts/" + sid + "/legacy-token/credentials").json().get("readOnly")
                    .get("authToken").asText();
            driver.findElement(By.cssSelector("button[data-copy='token-read-only']")).click();
            browser.until(d -> l.copied().equals(d.findElement(By.cssSelector("#panel-credentials [role='status']")).getText()));
            assertEquals(readOnly, browser.clipboard());
            assertFalse(driver.findElement(By.id("token-read-only")).getText().contains(readOnly));
            assertTrue(driver.findElement(By.id("panel-credentials")).getText().contains(l.authToken()));

            // Integrations: the delivery log shows the notice of the reset; Redeliver queues it again
            openNavigation(browser, phone);
            browser.visible(By.cssSelector("#sidenav a[href$='/integrations']")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/integrations"));
            Eventually.waitFor("the webhook notice to be delivered", Duration.ofSeconds(20), () -> {
                driver.navigate().refresh();
                return driver.findElement(By.id("main")).getText().contains(l.delivered());
            });
            assertTrue(driver.findElement(By.cssSelector("table.integrations")).getText().contains("Billing sync"));
            assertFitsTheWidth(browser, width);
            if (!phone) {
                browser.fullPageScreenshot(SCREENSHOTS.resolve("integrations-" + shot + ".png"));
            }
            driver.findElement(By.cssSelector("table.deliveries form button")).click();
            browser.visible(By.cssSelector(".alert.ok"));

            // the audit log: who did what, when, from where
            openNavigation(browser, phone);
            browser.visible(By.cssSelector("#sidenav a[href$='/audit']")).click();
            WebElement audit = browser.visible(By.cssSelector("table.audit"));
            for (String action : List.of("legacy_token.enabled", "legacy_token.reset", "legacy_token.revealed",
                    "legacy_token.api_version_changed", "notice.redelivered")) {
                assertTrue(audit.getText().contains(action), action);
            }
            assertTrue(audit.getText().contains(TestNode.ADMIN_EMAIL));
            assertFitsTheWidth(browser, width);
            if (!phone) {
                browser.screenshot(SCREENSHOTS.resolve("audit-" + shot + ".png"));
            }
            assertNotEquals(0, receiver.received().size());
        }
    }

    @Test
    void without_javascript_enable_reset_and_show_still_work_as_plain_forms() {
        String sid = api.createAccount("Acme without script");
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Nightly export", "ownerName", "Bo",
                "ownerEmail", "bo@example.com", "scopes", List.of("read_write", "read_only")));
        try (HeadlessChromium browser = new HeadlessChromium("en", 1280, 900, false)) {
            var driver = browser.driver();
            signInAsAdmin(browser);
            driver.get(node.baseUrl() + "/accounts/" + sid + "/platform-rest");
            assertFalse(driver.findElement(By.tagName("html")).getAttribute("class").contains("js"));

            browser.visible(By.id("enable-button")).click();
            browser.visible(By.id("legacy-card"));
            assertTrue(driver.findElements(By.id("enable-button")).isEmpty());

            // without a script the menu's entries are plain links to a confirmation page
            browser.visible(By.linkText("Reset (read-only)")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/legacy-token/read-only/reset"));
            String confirmation = driver.findElement(By.id("main")).getText();
            assertTrue(confirmation.contains("The previous value stops passing authorization checks at once, or, if you choose"));
            assertTrue(confirmation.contains("Nightly export"));
            driver.findElement(By.cssSelector("#main button[type='submit']")).click();
            String token = browser.visible(By.id("new-token")).getText();
            assertTrue(token.startsWith("tdro_"), token);
            assertFalse(driver.getCurrentUrl().contains(token));
            assertFalse(driver.findElement(By.cssSelector("button[data-copy='new-token']")).isDisplayed());

            // Show posts the form and answers with the values; the tab links are plain links
            driver.get(node.baseUrl() + "/accounts/" + sid + "/legacy-token/credentials");
            driver.findElement(By.cssSelector("button[data-show='token-read-only']")).click();
            browser.until(d -> token.equals(d.findElement(By.id("token-read-only")).getText()));
            assertTrue(driver.getCurrentUrl().endsWith("/legacy-token/credentials"));
            browser.visible(By.id("tab-overview")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/legacy-token"));
            new Select(browser.visible(By.id("api-version"))).selectByValue("v12");
            driver.findElement(By.cssSelector(".version-form button[type='submit']")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/legacy-token?saved=1"));
            assertEquals("v12", api.get("/api/v1/accounts/" + sid + "/legacy-token").text("apiVersion"));
        }
    }

    @Test
    void an_owner_confirms_the_update_on_a_phone_with_the_link_from_the_notice() {
        String sid = api.createAccount("Acme owners");
        api.enableLegacyTokens(sid);
        api.post("/api/v1/accounts/" + sid + "/integrations", Map.of("name", "Lagerabgleich", "ownerName", "Olga",
                "ownerEmail", "olga@example.com", "ownerLocale", "de", "webhookUrl", receiver.url("/owner-phone"),
                "scopes", List.of("read_write"), "channels", List.of("webhook")));
        api.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        var hook = org.tokendesk.web.testing.Eventually.waitFor("the webhook", java.time.Duration.ofSeconds(20),
                () -> receiver.received().stream().filter(r -> r.path().equals("/owner-phone")).findFirst()
                        .orElse(null), r -> r != null);
        var link = java.util.regex.Pattern.compile("(/ack/[A-Za-z0-9_.-]+)").matcher(hook.body());
        assertTrue(link.find(), hook.body());
        try (HeadlessChromium browser = new HeadlessChromium("de", 360, 740, true)) {
            var driver = browser.driver();
            driver.get(node.baseUrl() + link.group(1));
            String page = browser.visible(By.id("main")).getText();
            assertTrue(page.contains(sid) && page.contains("Lagerabgleich"), page);
            assertFitsTheWidth(browser, 360);
            assertTrue(api.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0)
                    .get("acknowledgedAt").isNull(), "opening the link does not use it");
            browser.visible(By.cssSelector("#main button[type='submit']")).click();
            browser.until(d -> d.findElement(By.id("main")).getText().contains("Vielen Dank"));
            assertTrue(driver.findElements(By.cssSelector("#main button[type='submit']")).isEmpty());
            assertFitsTheWidth(browser, 360);
        }
        assertFalse(api.get("/api/v1/accounts/" + sid + "/notices").json().get("notices").get(0)
                .get("acknowledgedAt").isNull());
    }

    @Test
    void an_admin_gives_the_old_token_an_hour_and_ends_it_early_on_a_phone_in_german() {
        String sid = api.createAccount("Acme Schonfrist");
        String old = api.enableLegacyTokens(sid).readWrite();
        try (HeadlessChromium browser = new HeadlessChromium("de", 360, 740, false)) {
            var driver = browser.driver();
            signInAsAdmin(browser);
            driver.get(node.baseUrl() + "/accounts/" + sid + "/legacy-token/read-write/reset");
            new Select(browser.visible(By.id("confirm-grace"))).selectByVisibleText("1 Stunde");
            assertFitsTheWidth(browser, 360);
            driver.findElement(By.cssSelector("#main button[type='submit']")).click();
            String token = browser.visible(By.id("new-token")).getText();
            assertTrue(driver.findElement(By.id("main")).getText()
                    .contains("Der bisherige Wert besteht Autorisierungsprüfungen noch bis"));
            assertEquals(204, api.check(sid, old, Map.of()).status());
            assertEquals(204, api.check(sid, token, Map.of()).status());

            driver.get(node.baseUrl() + "/accounts/" + sid + "/platform-rest");
            String line = browser.visible(By.id("grace-read-write")).getText();
            assertTrue(line.startsWith("Altes Token funktioniert bis "), line);
            assertFitsTheWidth(browser, 360);
            driver.findElement(By.cssSelector("#grace-read-write button[type='submit']")).click();
            browser.until(d -> d.findElements(By.id("grace-read-write")).isEmpty());
            assertTrue(driver.getCurrentUrl().endsWith("/accounts/" + sid + "/platform-rest"));
        }
        assertEquals(401, api.check(sid, old, Map.of()).status());
    }

    @Test
    void an_admin_schedules_a_reset_for_a_maintenance_window_and_cancels_it_on_a_phone_in_german() {
        String sid = api.createAccount("Acme Wartungsfenster");
        String old = api.enableLegacyTokens(sid).readWrite();
        java.time.LocalDateTime at = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(2)
                .withHour(2).withMinute(0).withSecond(0).withNano(0);
        try (HeadlessChromium browser = new HeadlessChromium("de", 360, 740, true)) {
            var driver = browser.driver();
            signInAsAdmin(browser);
            driver.get(node.baseUrl() + "/accounts/" + sid + "/legacy-token/read-write/reset");
            browser.visible(By.id("confirm-when-at")).click();
            // the picker's typing order depends on the browser's locale; its value is always ISO
            browser.script("arguments[0].value = arguments[1];", driver.findElement(By.id("confirm-at")), at.toString());
            assertFitsTheWidth(browser, 360);
            browser.script("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id("confirm-at")));
            browser.screenshot(SCREENSHOTS.resolve("schedule-reset-de-phone.png"));
            driver.findElement(By.cssSelector("#main button[type='submit']")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/accounts/" + sid + "/platform-rest?scheduled=read-write"));
            assertTrue(browser.visible(By.id("flash")).getText().startsWith("Das Lese/Schreib-Token wird am "));

            String line = browser.visible(By.id("scheduled-read-write")).getText();
            assertTrue(line.startsWith("Zurücksetzen geplant für "), line);
            assertTrue(line.contains("02:00"), line);
            assertEquals(at.toInstant(java.time.ZoneOffset.UTC).toString(), api.get("/api/v1/accounts/" + sid
                    + "/legacy-token").json().get("readWrite").get("scheduledResetAt").asText());
            assertEquals(204, api.check(sid, old, Map.of()).status(), "nothing is reset before the time");
            assertFitsTheWidth(browser, 360);
            browser.script("arguments[0].scrollIntoView({block: 'center'});",
                    driver.findElement(By.id("scheduled-read-write")));
            browser.screenshot(SCREENSHOTS.resolve("scheduled-reset-de-phone.png"));
            driver.findElement(By.cssSelector("#scheduled-read-write button[type='submit']")).click();
            browser.until(d -> d.findElements(By.id("scheduled-read-write")).isEmpty());
            assertTrue(browser.visible(By.id("flash")).getText().contains("wurde abgebrochen"));
        }
        assertTrue(api.get("/api/v1/accounts/" + sid + "/legacy-token").json().get("readWrite").get("scheduledResetAt")
                .isNull());
        assertEquals(204, api.check(sid, old, Map.of()).status());
    }

    /** The sign-in form by hand, as the platform admin; it lands on Platform REST Web Services. */
    private static void signInAsAdmin(HeadlessChromium browser) {
        var driver = browser.driver();
        driver.get(node.baseUrl() + "/sign-in");
        browser.visible(By.id("email")).sendKeys(TestNode.ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(TestNode.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#main button[type='submit']")).click();
        browser.until(d -> d.getCurrentUrl().contains("/platform-rest"));
    }

    private static void openNavigation(HeadlessChromium browser, boolean phone) {
        if (phone) {
            WebElement toggle = browser.visible(By.id("nav-toggle"));
            if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
                toggle.click();
            }
            browser.visible(By.id("sidenav"));
        }
    }

    private static void assertFitsTheWidth(HeadlessChromium browser, int width) {
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        Object tooWide = browser.script("var limit = arguments[0] + 1, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > limit && out.length < 8) {"
                + "    out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); } });"
                + "return out.join(', ') + ' (viewport ' + window.innerWidth + ')';", width);
        assertTrue(scrollWidth.intValue() <= width,
                "the page is " + scrollWidth + " px wide at " + width + " px: " + tooWide);
    }
}
