package org.clearway.treaty;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** In headless Chromium: the treaty map and table, filtering, and a state's profile. */
@ClearwayWebTest
class TreatyBrowserIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void the_treaty_map_and_table_show_every_state_and_lead_to_a_profile() {
        try (Browser browser = new Browser(port)) {
            Page page = browser.login("coordinator");
            page.navigate(browser.url("/treaties"));
            page.waitForSelector("#treaty-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat((Integer) page.evaluate("document.querySelector('#treaty-map').renderedFeatureCount('countries')")).isGreaterThan(100);
            assertThat(page.textContent("body")).contains("States Parties");
            Browser.screenshot(page, "treaties");

            page.fill("#treaty-search input", "Ukraine");
            page.waitForFunction("() => document.querySelector('#treaty-grid')._dataProviderController?.rootCache?.size === 1"
                    + " || document.querySelector('#treaty-grid').textContent.includes('Ukraine')");
            page.click("#treaty-grid >> text=Ukraine");
            page.waitForSelector("#state-name");
            assertThat(page.textContent("#state-name")).isEqualTo("Ukraine (UKR)");
            assertThat(page.textContent("#treaty-facts")).contains("Withdrawal announced");
            Browser.screenshot(page, "treaty-profile-ukraine");
        }
    }
}
