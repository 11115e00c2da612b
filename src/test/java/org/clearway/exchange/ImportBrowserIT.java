package org.clearway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * In headless Chromium: a coordinator imports 12,002 hazardous areas from GeoJSON — mapping, validation report
 * (one bow-tie repaired, one point rejected), preview map, then the import with its progress bar (server push);
 * a partner adds locations to a draft proposal of their organisation from a CSV of P-codes.
 */
@ClearwayWebTest
class ImportBrowserIT {

    static final String SOURCE = "Browser test import";
    static final int POLYGONS = 12_000;

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;
    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        db.execute("DELETE FROM hazard WHERE source = ?", SOURCE);
        db.execute("DELETE FROM import_job");
        db.execute("DELETE FROM proposal WHERE code = 'T-LOC-BROWSER'");
    }

    Path file() throws Exception {
        Random random = new Random(7);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < POLYGONS; i++) {
            double x = 30.5 + random.nextDouble() * 4;
            double y = 47.8 + random.nextDouble() * 2.5;
            double d = 0.002 + random.nextDouble() * 0.01;
            features.add("""
                    {"type":"Feature","properties":{"hazard_type":"%s","contamination_type":"UXO","status":"ACTIVE","name":"BT-%d"},
                     "geometry":{"type":"Polygon","coordinates":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}"""
                    .formatted(i % 3 == 0 ? "CHA" : "SHA", i, x, y, x + d, y, x + d, y + d, x, y + d, x, y));
        }
        features.add("""
                {"type":"Feature","properties":{"hazard_type":"SHA","contamination_type":"UXO","name":"BT-bowtie"},
                 "geometry":{"type":"Polygon","coordinates":[[[32,49],[32.01,49.01],[32.01,49],[32,49.01],[32,49]]]}}""");
        features.add("""
                {"type":"Feature","properties":{"hazard_type":"SHA","contamination_type":"UXO","name":"BT-point"},
                 "geometry":{"type":"Point","coordinates":[32,49]}}""");
        Path file = dir.resolve("hazards-ukraine.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return file;
    }

    @Test
    void a_coordinator_maps_checks_previews_and_imports_with_a_progress_bar() throws Exception {
        Path file = file();
        try (Browser browser = new Browser(port)) {
            List<String> errors = new ArrayList<>();
            Page page = browser.login("coordinator");
            page.onPageError(errors::add);
            page.navigate(browser.url("/data"));
            page.waitForSelector("#import-upload");
            // a file of a type the importer does not read is refused in the browser, with our words for why
            Path notes = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("notes", ".txt"), "field notes");
            page.waitForFileChooser(() -> page.click("#import-upload vaadin-button")).setFiles(notes);
            page.waitForSelector("#import-status:has-text('This type of file is not supported')");
            FileChooser chooser = page.waitForFileChooser(() -> page.click("#import-upload vaadin-button"));
            chooser.setFiles(file);
            page.waitForSelector("#import-mapping", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("#import-status")).contains("12002 features").contains("EPSG:4326");
            page.fill("#const-source input", SOURCE);
            page.click("#import-check");
            page.waitForSelector("#import-counts", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("#import-counts")).isEqualTo("12000 rows ready, 1 repaired (invalid geometry made valid), 1 rejected.");
            assertThat(page.textContent("#import-problems")).contains("Self-intersection").contains("Not a polygon");
            page.waitForSelector("#import-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            page.locator("#import-commit").scrollIntoViewIfNeeded();
            Browser.screenshot(page, "import-1-preview");

            page.click("#import-commit");
            page.waitForSelector("#import-progress");
            Browser.screenshot(page, "import-2-progress");
            page.waitForSelector("#import-status:has-text('Imported 12001 rows.')", new Page.WaitForSelectorOptions().setTimeout(120_000));
            Browser.screenshot(page, "import-3-done");
            assertThat(errors).isEmpty();
        }
        assertThat(db.fetchOne("SELECT count(*) FROM hazard WHERE source = ?", SOURCE).get(0, Long.class)).isEqualTo(12_001L);
        assertThat(db.fetchOne("SELECT count(DISTINCT iso3) FROM hazard WHERE source = ?", SOURCE).get(0, Long.class)).isEqualTo(1L);
    }

    @Test
    void a_partner_adds_locations_to_a_draft_proposal_from_a_csv_of_pcodes() throws Exception {
        long proposal = db.fetchOne("""
                INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status)
                SELECT rp.response_plan_id, sc.subcluster_id, o.organisation_id, 'T-LOC-BROWSER', 'Browser test proposal', 100000, 'DRAFT'
                FROM response_plan rp JOIN subcluster sc ON sc.iso3 = rp.iso3, organisation o
                WHERE rp.iso3 = 'UKR' AND o.acronym = 'HALO' ORDER BY rp.year DESC LIMIT 1
                RETURNING proposal_id""").get(0, Long.class);
        Path csv = dir.resolve("halo-locations.csv");
        Files.writeString(csv, "project_code,pcode\nT-LOC-BROWSER,UA05\nT-LOC-BROWSER,UA07\nT-LOC-UNKNOWN,UA07\n");
        try (Browser browser = new Browser(port)) {
            List<String> errors = new ArrayList<>();
            Page page = browser.login("partner.halo");
            page.onPageError(errors::add);
            page.navigate(browser.url("/data"));
            page.waitForSelector("#import-upload");
            assertThat(page.textContent("#import-target")).contains("Proposal locations");
            FileChooser chooser = page.waitForFileChooser(() -> page.click("#import-upload vaadin-button"));
            chooser.setFiles(csv);
            page.waitForSelector("#import-mapping", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("#import-status")).contains("3 features");
            page.click("#import-check");
            page.waitForSelector("#import-counts", new Page.WaitForSelectorOptions().setTimeout(60_000));
            assertThat(page.textContent("#import-counts")).isEqualTo("2 rows ready, 0 repaired (invalid geometry made valid), 1 rejected.");
            assertThat(page.textContent("#import-problems")).contains("No proposal T-LOC-UNKNOWN among those you can edit.");
            Browser.screenshot(page, "import-4-locations-checked");
            page.click("#import-commit");
            page.waitForSelector("#import-status:has-text('Added 2 proposal locations')", new Page.WaitForSelectorOptions().setTimeout(60_000));
            Browser.screenshot(page, "import-5-locations-done");
            assertThat(errors).isEmpty();
        }
        assertThat(db.fetch("SELECT a.pcode FROM proposal_location l JOIN admin_area a USING (admin_area_id) WHERE l.proposal_id = ? ORDER BY 1",
                proposal).getValues(0, String.class)).containsExactly("UA05", "UA07");
    }
}
