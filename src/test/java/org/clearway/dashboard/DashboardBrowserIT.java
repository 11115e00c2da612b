package org.clearway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** In headless Chromium: the global dashboard's charts hold data, a bar drills down to the sub-cluster dashboard. */
@ClearwayWebTest
class DashboardBrowserIT {

    private static Browser browser;

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_global_dashboard_renders_its_charts_and_a_bar_drills_down() {
        browser = new Browser(port);
        Page page = browser.login("coordinator");
        long start = System.nanoTime();
        page.navigate(browser.url("/dashboard"));
        page.waitForFunction("() => { const c = [...document.querySelectorAll('cw-chart')];"
                + " return c.length >= 8 && c.every(x => x.hasAttribute('rendered')); }", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        long renderedMs = (System.nanoTime() - start) / 1_000_000;
        // a second visit, as a coordinator opening the dashboard again (server and browser warm)
        page.navigate(browser.url("/"));
        page.waitForSelector("#home-title");
        long again = System.nanoTime();
        page.navigate(browser.url("/dashboard"));
        page.waitForFunction("() => { const c = [...document.querySelectorAll('cw-chart')];"
                + " return c.length >= 8 && c.every(x => x.hasAttribute('rendered')); }", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        System.out.println("Global dashboard: all charts rendered " + renderedMs + " ms after the first navigation, "
                + (System.nanoTime() - again) / 1_000_000 + " ms after the second");
        for (String id : new String[] {"chart-funding", "chart-trend", "chart-status", "chart-targeted", "chart-contamination",
                "chart-casualties", "chart-flows", "chart-apmbc"}) {
            Object count = page.evaluate("id => document.getElementById(id).seriesDataCount()", id);
            assertThat(((Number) count).intValue()).as(id + " holds data").isGreaterThan(0);
        }
        assertThat(page.textContent("#kf-requirements")).contains("US$");
        Browser.screenshot(page, "dashboard-global");

        // click the first bar of the funding chart: Vaadin navigates to that sub-cluster's dashboard
        page.evaluate("() => document.getElementById('chart-funding').clickData(0, 0)");
        page.waitForSelector("#subcluster-dashboard-title", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(page.url()).matches(".*/dashboard/\\d+$");
        assertThat(page.textContent("#subcluster-dashboard-title")).contains("sub-cluster dashboard");
        page.waitForFunction("() => [...document.querySelectorAll('cw-chart')].every(x => x.hasAttribute('rendered'))", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        Browser.screenshot(page, "dashboard-subcluster");
        // each of the dashboard's lists downloads as CSV with its HXL row under a translated header
        java.util.List<String> fiveW = download(page, "#export-5w-csv");
        assertThat(fiveW.get(0)).isEqualTo("\uFEFFOrganisation,Admin 1 P-code,Admin area,Activity,Proposals,Requirements (US$),People targeted");
        assertThat(fiveW.get(1)).isEqualTo("#org,#adm1+code,#adm1+name,#activity,#meta+proposals,#value+funding+required+usd,#targeted");
        assertThat(fiveW.size()).as("5W rows").isGreaterThan(2);
        assertThat(download(page, "#export-queue-csv").get(1)).isEqualTo("#activity+code,#org,#status,#value+funding+required+usd");
        assertThat(download(page, "#export-completeness-csv").get(1)).isEqualTo("#activity+code,#org,#meta+missing+locations,#meta+missing+targets");
    }

    private static java.util.List<String> download(Page page, String link) {
        try {
            return java.nio.file.Files.readAllLines(page.waitForDownload(() -> page.click(link)).path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_lead_cannot_open_another_subclusters_dashboard_and_donors_see_published_data() {
        if (browser == null) {
            browser = new Browser(port);
        }
        Page lead = browser.login("lead.yemen");
        lead.navigate(browser.url("/dashboard/1"));
        lead.waitForLoadState();
        lead.waitForSelector("text=outside your scope");
        Page donor = browser.login("donor");
        donor.navigate(browser.url("/donor"));
        donor.waitForSelector("#donor-funding[rendered]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertThat(donor.textContent("body")).contains("Only published");
        Browser.screenshot(donor, "dashboard-donor");
    }
}
