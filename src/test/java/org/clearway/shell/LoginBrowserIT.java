package org.clearway.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearway.jooq.Tables.APP_USER;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** In real headless Chromium: sign in as the global coordinator, see the home page in English, switch to French. */
@ClearwayWebTest
class LoginBrowserIT {

    private static Browser browser;

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    @AfterEach
    void backToEnglish() {
        db.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.USERNAME.eq("coordinator")).execute();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_coordinator_sees_the_home_page_in_english_then_in_french() throws Exception {
        Page page = browser().login("coordinator");
        assertThat(page.textContent("#home-title")).isEqualTo("Welcome, Demo Global Coordinator (MA AoR, Geneva)");
        assertThat(page.textContent("#current-user")).contains("Demo Global Coordinator");
        assertThat(page.locator("#demo-badge").textContent()).isEqualTo("Demo data");
        assertThat(page.textContent("#figure-subclusters .cw-figure-value")).isEqualTo("19");
        assertThat(page.textContent("vaadin-side-nav")).contains("Home").contains("Sub-clusters");
        assertThat(Files.size(Browser.screenshot(page, "home-en"))).isGreaterThan(10_000);

        page.click("#language-switch");
        page.click("vaadin-select-item:has-text('Français')");
        page.waitForSelector("#home-title:has-text('Bienvenue')");
        assertThat(page.textContent("#home-title")).isEqualTo("Bienvenue, Demo Global Coordinator (MA AoR, Geneva)");
        assertThat(page.locator("#demo-badge").textContent()).isEqualTo("Données de démonstration");
        assertThat(page.textContent("vaadin-side-nav")).contains("Accueil").contains("Sous-groupes");
        Browser.screenshot(page, "home-fr");

        // the choice is the user's, kept in the database: a new session opens in French
        Page again = browser().login("coordinator");
        assertThat(again.textContent("#home-title")).startsWith("Bienvenue");
    }

    @Test
    void a_wrong_password_shows_the_translated_error() {
        Page page = browser().newPage();
        page.navigate(browser().url("/login"));
        page.fill("input[name='username']", "coordinator");
        page.fill("input[name='password']", "wrong");
        page.click("vaadin-button[slot='submit']");
        page.waitForURL("**/login?error");
        page.waitForSelector("vaadin-login-form[error]");
        assertThat(page.locator("text=Check your user name and password and try again.").isVisible()).isTrue();
        assertThat(page.locator("html").getAttribute("lang")).startsWith("en");
    }
}
