package org.tokendesk.web.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded one: the
 * driver's path is given, so Selenium Manager is not asked). One fresh profile per browser; nothing
 * it loads may leave this machine.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;
    private final int width;
    private final int height;

    /**
     * @param language the browser's language, sent as {@code Accept-Language}
     * @param width window width in CSS pixels
     * @param height window height
     * @param javascript whether scripts run
     */
    HeadlessChromium(String language, int width, int height, boolean javascript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; bash .ci/run installs them)");
        }
        this.width = width;
        this.height = height;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("tokendesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + width + "," + height);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", language.startsWith("de") ? "de-DE,de" : "en-US,en");
        prefs.put("translate.enabled", false);
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(System.out).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // a condition that reads an element while a form post loads the next page meets the old page's element
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // the viewport, not the window, must have the asked-for size (headless has no frame, but be sure)
        viewport(height);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Lets the page's script write and the test read the clipboard of this origin. */
    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    String clipboard() {
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });");
        return String.valueOf(text);
    }

    Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(code, args);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    WebElement find(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    WebElement visible(By by) {
        return until(d -> {
            for (WebElement e : d.findElements(by)) {
                if (e.isDisplayed()) {
                    return e;
                }
            }
            return null;
        });
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Waits for the element with the id to be the focused one. */
    void waitForFocusOn(String id) {
        until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page, not just the viewport (the phone pages are long). */
    void fullPageScreenshot(Path file) {
        Number full = (Number) script("return Math.ceil(document.documentElement.scrollHeight);");
        viewport(Math.max(height, Math.min(4000, full.intValue())));
        try {
            screenshot(file);
        } finally {
            viewport(height);
        }
    }

    private void viewport(int viewportHeight) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", viewportHeight,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a profile left in the temporary directory is harmless
            }
        }
    }
}
