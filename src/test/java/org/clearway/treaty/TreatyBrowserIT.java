package org.clearway.treaty;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
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
    void the_treaty_map_and_table_show_every_state_and_lead_to_a_profile() throws Exception {
        try (Browser browser = new Browser(port)) {
            Page page = browser.login("coordinator");
            page.navigate(browser.url("/treaties"));
            page.waitForSelector("#treaty-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat((Integer) page.evaluate("document.querySelector('#treaty-map').renderedFeatureCount('countries')")).isGreaterThan(100);
            assertThat(page.textContent("body")).contains("States Parties");
            Browser.screenshot(page, "treaties");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.click("#treaties-csv"));
            String csv = java.nio.file.Files.readString(download.path());
            assertThat(csv.lines().skip(1).findFirst().orElse("")).startsWith("#country+name,#country+code,#status+apmbc");
            assertThat(csv).contains("Ukraine,UKR,WITHDRAWAL_ANNOUNCED");

            page.fill("#treaty-search input", "Ukraine");
            page.waitForFunction("() => document.querySelector('#treaty-grid')._dataProviderController?.rootCache?.size === 1"
                    + " || document.querySelector('#treaty-grid').textContent.includes('Ukraine')");
            page.click("#treaty-grid >> text=Ukraine");
            page.waitForSelector("#state-name");
            assertThat(page.textContent("#state-name")).isEqualTo("Ukraine (UKR)");
            assertThat(page.textContent("#treaty-facts")).contains("Withdrawal announced");
            Browser.screenshot(page, "treaty-profile-ukraine");

            page.navigate(browser.url("/committee"));
            page.waitForSelector("#committee-timeline");
            assertThat(page.textContent("#committee-timeline")).contains("United Kingdom").contains("Chair");
            page.fill("#committee-iso3 input", "COL");
            page.fill("#committee-year input", "2030");
            page.fill("#committee-source input", "test");
            page.click("#committee-set-chair");
            // the refusal is shown translated, in the notification card Vaadin renders for #committee-error
            page.waitForSelector("vaadin-notification-card:has-text('second year of its term')");
            Browser.screenshot(page, "committee");
            com.microsoft.playwright.Download terms = page.waitForDownload(() -> page.click("#committee-terms-csv"));
            List<String> termsCsv = java.nio.file.Files.readAllLines(terms.path());
            assertThat(termsCsv.get(1)).startsWith("#country+name,#country+code,#date+year+start,#date+year+end,#indicator+affected");
            assertThat(termsCsv).as("Indonesia chaired in 2014, the first year of its term")
                    .anySatisfy(line -> assertThat(line).matches("Indonesia,IDN,2014,\\d{4},(true|false),(true|false),2014,.*"));

            java.util.List<String> pageErrors = new java.util.ArrayList<>();
            page.onPageError(pageErrors::add);
            page.navigate(browser.url("/partnerships"));
            page.waitForSelector("#needs-vs-support");
            assertThat(page.textContent("#needs-vs-support")).contains("Open needs");
            page.click("#requests >> text=Afghanistan"); // the first rows are rendered; the grid is lazy
            page.waitForSelector("#candidates >> text=covers");
            assertThat(page.textContent("#candidates")).contains("Norway");
            Browser.screenshot(page, "partnerships");
            com.microsoft.playwright.Download requests = page.waitForDownload(() -> page.click("#partnership-export-csv"));
            String requestsCsv = java.nio.file.Files.readString(requests.path());
            assertThat(requestsCsv.lines().skip(1).findFirst().orElse("")).startsWith("#country+name,#sector,#activity+name");
            assertThat(requestsCsv).contains("Afghanistan");
            assertThat(pageErrors).as("no script error on the page").isEmpty();

            page.navigate(browser.url("/action-plan"));
            page.waitForSelector("#action-matrix >> text=%");
            Browser.screenshot(page, "action-plan");

            page.navigate(browser.url("/subclusters"));
            page.waitForSelector("#subcluster-grid >> text=Ukraine");
            com.microsoft.playwright.Download subclusters = page.waitForDownload(() -> page.click("#subclusters-csv"));
            List<String> subclusterCsv = java.nio.file.Files.readAllLines(subclusters.path());
            assertThat(subclusterCsv.get(1)).isEqualTo("#country+name,#country+code,#sector+name,#org+lead+name,#org+colead+name,"
                    + "#contact+name,#status,#meta+origin,#meta+source");
            assertThat(subclusterCsv).anySatisfy(line -> assertThat(line).startsWith("Ukraine,UKR,"));
            assertThat(String.join("\n", subclusterCsv)).doesNotContain("@"); // the list shows no e-mail addresses, nor does its export
        }
    }
}
