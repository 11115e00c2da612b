package org.clearway.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** In headless Chromium: a coordinator writes a briefing, generates the PDF (progress, then the download) and presents it. */
@ClearwayWebTest
class BriefingBrowserIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;

    @AfterEach
    void cleanUp() {
        db.execute("DELETE FROM briefing WHERE title = 'Browser test briefing'");
    }

    @Test
    void a_coordinator_generates_the_pack_and_presents_it() throws Exception {
        try (Browser browser = new Browser(port)) {
            List<String> errors = new ArrayList<>();
            Page page = browser.login("coordinator");
            page.onPageError(errors::add);
            page.navigate(browser.url("/briefings"));
            page.fill("#briefing-title input", "Browser test briefing");
            page.fill("#briefing-narrative textarea", "Clearance in the south needs US$ 12M more.\n\nEORE reaches schools first.");
            page.click("#briefing-pdf");
            page.waitForSelector("#briefing-download", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("#briefing-status")).matches("Done: \\d+ pages in [0-9.]+ s\\.");
            Browser.screenshot(page, "briefing-1-generated");
            Download download = page.waitForDownload(() -> page.click("#briefing-download"));
            try (var pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
            }

            page.click("#briefing-present");
            page.waitForSelector("#slide-figures #presentation-chart");
            page.waitForSelector("#slide-ukr cw-map");
            assertThat(page.textContent("#slide-narrative")).contains("EORE reaches schools first.");
            assertThat(page.textContent("#slide-figures #kf-requirements")).startsWith("US$ ");
            page.keyboard().press("PageDown");
            Browser.screenshot(page, "briefing-2-presentation");
            assertThat(errors).isEmpty();
        }
    }
}
