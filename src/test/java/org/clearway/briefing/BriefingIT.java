package org.clearway.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.Amounts;
import org.clearway.common.Messages;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** The briefing pack's PDF, read back with PDFBox: its figures are the dashboards' figures. */
@ClearwayTest
@Transactional
class BriefingIT {

    @Autowired
    BriefingService briefings;
    @Autowired
    DashboardQuery dashboards;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    String pdfText(long id, AtomicInteger progress) throws Exception {
        BriefingContent content = briefings.content(id);
        BriefingPdf pdf = new BriefingPdf(content, Locale.ENGLISH, (key, args) -> Messages.get(Locale.ENGLISH, key, args),
                c -> briefings.mapData(c, content.year()));
        long started = System.nanoTime();
        byte[] bytes = pdf.write(progress::set);
        System.out.printf("briefing PDF: %d pages, %d KB in %d ms%n", pdf.pageCount(), bytes.length / 1024, (System.nanoTime() - started) / 1_000_000);
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("clearway.test.screenshots", "target/screenshots"));
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("briefing-" + id + ".pdf"), bytes);
        try (var doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(pdf.pageCount());
            for (int page : new int[] {1, 2}) { // the figures page and the first country's map, as images to look at
                javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(page, 60), "png",
                        dir.resolve("briefing-" + id + "-page" + (page + 1) + ".png").toFile());
            }
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " "); // wrapped labels read as one line
        }
    }

    @Test
    void the_global_pack_shows_the_global_dashboards_figures_a_page_per_country_and_the_narrative() throws Exception {
        AsUser.login(users, "coordinator");
        int year = Year.now().getValue();
        long id = briefings.save(null, 0, null, year, "Test briefing", "We ask donors to close the gap.\n\nSecond point.");
        AtomicInteger progress = new AtomicInteger();
        String text = pdfText(id, progress);
        var f = dashboards.figures(new DashboardFilter(year, null, null, false));
        assertThat(f.proposals()).isPositive();
        assertThat(text).contains(Amounts.compactUsd(Locale.ENGLISH, f.requirementsUsd()))
                .contains(Amounts.compactUsd(Locale.ENGLISH, f.fundedUsd()))
                .contains(Amounts.compactUsd(Locale.ENGLISH, f.gapUsd()))
                .contains("funded (" + f.percentFunded().toPlainString() + " %)")
                .contains(Amounts.count(Locale.ENGLISH, f.proposals()) + " accepted proposals")
                .contains("accepted proposals, " + Amounts.count(Locale.ENGLISH, f.partners()) + " partners")
                .contains(Amounts.count(Locale.ENGLISH, f.peopleTargeted()))
                .contains("Ukraine").contains("Yemen").contains("We ask donors to close the gap.")
                .contains("States Parties to the");
        assertThat(progress.get()).isEqualTo(3 + briefings.content(id).countries().size() + 1);
        assertThat(text).contains("synthetic");
    }

    @Test
    void a_leads_pack_is_their_sub_cluster_only() throws Exception {
        long ukraine = db.fetchOne("SELECT subcluster_id FROM subcluster WHERE iso3 = 'UKR'").get(0, Long.class);
        long yemen = db.fetchOne("SELECT subcluster_id FROM subcluster WHERE iso3 = 'YEM'").get(0, Long.class);
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> briefings.save(null, 0, null, 2026, "Global", "")).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> briefings.save(null, 0, yemen, 2026, "Yemen", "")).isInstanceOf(AccessRefusedException.class);
        int year = Year.now().getValue();
        long id = briefings.save(null, 0, ukraine, year, "Ukraine briefing", "");
        // the partnership figure of a country pack is that State's open needs, not every State's
        db.execute("INSERT INTO partnership_request (iso3, theme, title, amount_sought_usd) VALUES ('UKR', 'EORE', 'Test need', 7300000),"
                + " ('YEM', 'EORE', 'Test need', 5100000)");
        java.math.BigDecimal ukraineNeeds = db.fetchOne("SELECT sum(amount_sought_usd) FROM partnership_request WHERE status = 'OPEN' AND iso3 = 'UKR'")
                .get(0, java.math.BigDecimal.class);
        String text = pdfText(id, new AtomicInteger());
        assertThat(text).contains("Open needs of Ukraine: " + Amounts.compactUsd(Locale.ENGLISH, ukraineNeeds));
        var f = dashboards.figures(new DashboardFilter(year, ukraine, null, false));
        assertThat(text).contains(Amounts.compactUsd(Locale.ENGLISH, f.requirementsUsd())).contains("Ukraine").doesNotContain("Yemen")
                .contains("Requirements and funding by partner");
    }
}
