package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** In headless Chromium: the map loads our tiles, renders hazards, and a click on a known hazard opens its popup. */
@ClearwayWebTest
class MapBrowserIT {

    private static Browser browser;

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_map_shows_tiles_and_a_click_on_a_known_hazard_opens_its_popup() throws Exception {
        browser = new Browser(port);
        Page page = browser.login("coordinator");
        page.navigate(browser.url("/map"));
        page.waitForSelector("cw-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        assertThat((Integer) page.evaluate("document.querySelector('cw-map').renderedFeatureCount('countries')")).isGreaterThan(50);
        assertThat(page.textContent("vaadin-side-nav")).contains("Map");

        Record hazard = db.fetchOne("""
                SELECT hazard_id, contamination_type, ST_X(anchor) AS lon, ST_Y(anchor) AS lat
                FROM hazard WHERE iso3 = 'UKR' AND status = 'ACTIVE' AND area_m2 > 500000 ORDER BY hazard_id LIMIT 1""");
        double lon = hazard.get("lon", Double.class);
        double lat = hazard.get("lat", Double.class);
        page.evaluate("([lon, lat]) => { const m = document.querySelector('cw-map'); m.center = [lon, lat]; m.zoom = 14; }",
                java.util.List.of(lon, lat));
        page.waitForTimeout(500);
        page.waitForSelector("cw-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        assertThat((Integer) page.evaluate("document.querySelector('cw-map').renderedFeatureCount('hazards')")).isGreaterThan(0);

        page.evaluate("([lon, lat]) => document.querySelector('cw-map').clickAt(lon, lat)", java.util.List.of(lon, lat));
        var popup = page.locator("cw-map .popup");
        popup.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        String contamination = org.clearway.common.Messages.get(java.util.Locale.ENGLISH,
                "contamination." + hazard.get("contamination_type", String.class));
        assertThat(popup.textContent()).contains("Contamination").contains(contamination).contains("Active");
        Browser.screenshot(page, "map-hazard-popup");

        // the map's tile requests carry the session: the coordinator's proposal tiles hold drafts, anonymous ones never
        Record draft = db.fetchOne("""
                SELECT proposal_id, ST_X(ST_PointOnSurface(footprint)) AS lon, ST_Y(ST_PointOnSurface(footprint)) AS lat
                FROM proposal WHERE status = 'DRAFT' AND footprint IS NOT NULL AND deleted_at IS NULL ORDER BY proposal_id LIMIT 1""");
        int[] xy = TileEndpointIT.tileOf(draft.get("lon", Double.class), draft.get("lat", Double.class), 7);
        String tile = "/tiles/proposals/7/" + xy[0] + "/" + xy[1] + ".mvt";
        var signedIn = page.request().get(browser.url(tile));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.headers()).doesNotContainKey("set-cookie");
        assertThat(MvtReader.read(signedIn.body()).get("proposals")).extracting(MvtReader.Feature::id)
                .contains(draft.get("proposal_id", Long.class));
        var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url(tile))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(MvtReader.read(anonymous.body()).getOrDefault("proposals", java.util.List.of()))
                .extracting(MvtReader.Feature::id).doesNotContain(draft.get("proposal_id", Long.class));

        // back to the overview with the treaty choropleth, for the record
        page.evaluate("() => { const m = document.querySelector('cw-map'); m.center = [35, 25]; m.zoom = 3; }");
        page.waitForTimeout(500);
        page.waitForSelector("cw-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        Browser.screenshot(page, "map-overview");

        // the analysis lists download as the user sees them: the overlaps tab is open, the gaps tab a click away
        String overlaps = java.nio.file.Files.readString(page.waitForDownload(() -> page.click("#overlaps-export-csv")).path());
        assertThat(overlaps.lines().skip(1).findFirst().orElse(""))
                .isEqualTo("#activity+code+a,#org+a,#activity+code+b,#org+b,#sector+activity,#area+km2+overlap");
        page.click("vaadin-tab:has-text('Coverage gaps')");
        String gaps = java.nio.file.Files.readString(page.waitForDownload(() -> page.click("#coverage-gaps-export-csv")).path());
        assertThat(gaps.lines().skip(1).findFirst().orElse("")).isEqualTo("#adm1+name,#adm1+code,#country+code,#meta+hazards,#area+km2+uncovered");
        assertThat(gaps.lines().count()).as("the demo data has uncovered hazards").isGreaterThan(2);
    }
}
