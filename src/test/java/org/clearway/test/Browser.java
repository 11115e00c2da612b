package org.clearway.test;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real headless Chromium (Debian's package) driven by Playwright; no browser download. */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final String baseUrl;

    public Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "/usr/bin/chromium-browser";
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Path.of(chromium))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
    }

    public Page newPage() {
        Page page = browser.newContext(new NewContextOptions().setViewportSize(1366, 850).setLocale("en-GB")).newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** Signs in through the login form and waits for the home page. */
    public Page login(String username) {
        Page page = newPage();
        page.navigate(url("/login"));
        page.fill("input[name='username']", username);
        page.fill("input[name='password']", "demo");
        page.click("vaadin-button[slot='submit']");
        page.waitForSelector("#home-title");
        return page;
    }

    public static Path screenshot(Page page, String name) {
        Path dir = Path.of(System.getProperty("clearway.test.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
