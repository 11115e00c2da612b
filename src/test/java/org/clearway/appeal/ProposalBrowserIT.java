package org.clearway.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.clearway.test.Browser;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * In headless Chromium, one proposal all the way: partner.halo enters it (location picked by clicking the map)
 * and submits it; lead.ukraine reviews, scores, approves and publishes it; the donor finds it. Screenshots of
 * each step go to target/screenshots.
 */
@ClearwayWebTest
class ProposalBrowserIT {

    static final String TITLE = "Browser test: clearance of Kyiv farmland";

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;

    @AfterEach
    void cleanUp() {
        String ids = "(SELECT proposal_id FROM proposal WHERE title = '" + TITLE + "')";
        db.execute("DELETE FROM review_score WHERE review_id IN (SELECT review_id FROM review WHERE proposal_id IN " + ids + ")");
        db.execute("DELETE FROM review WHERE proposal_id IN " + ids);
        db.execute("DELETE FROM proposal_transition WHERE proposal_id IN " + ids);
        db.execute("DELETE FROM proposal WHERE proposal_id IN " + ids);
    }

    private static void status(Page page, String status) {
        page.waitForSelector("#proposal-heading [data-status='" + status + "']");
    }

    @Test
    void a_proposal_goes_from_the_partners_draft_through_the_leads_approval_to_the_donor() {
        try (Browser browser = new Browser(port)) {
            List<String> errors = new ArrayList<>();
            // 1. The partner enters the draft; the location is picked by clicking Kyiv on the map.
            Page partner = browser.login("partner.halo");
            partner.onPageError(errors::add);
            partner.navigate(browser.url("/proposals/new"));
            partner.fill("#plan input", "HUKR26");
            partner.click("vaadin-combo-box-item:has-text('HUKR26')");
            partner.fill("#title input", TITLE);
            partner.click("#activities vaadin-checkbox:has-text('Survey and clearance')");
            partner.fill("#requirements input", "900000");
            partner.fill("#budget-description-1 input", "Clearance teams");
            partner.fill("#budget-amount-1 input", "700000");
            partner.click("#add-budget-line");
            partner.fill("#budget-description-2 input", "Equipment");
            partner.fill("#budget-amount-2 input", "200000");
            partner.press("#budget-amount-2 input", "Tab");
            partner.waitForFunction("() => document.querySelector('#budget-total').textContent.includes('900,000 of US$ 900,000')");
            partner.fill("#target-women input", "1200");
            partner.fill("#target-men input", "1100");
            partner.fill("#target-girls input", "300");
            partner.fill("#target-boys input", "320");
            partner.fill("#target-pwd input", "90");
            partner.waitForFunction("() => document.querySelector('#location-map').renderedFeatureCount('admin1') > 5",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            partner.waitForSelector("#location-map[tiles-loaded]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            Object clicked = partner.evaluate("document.querySelector('#location-map').clickAt(30.52, 50.45)");
            assertThat(clicked.toString()).contains("admin1");
            partner.waitForFunction("() => document.querySelector('#areas').selectedItems.length === 1");
            Browser.screenshot(partner, "proposal-1-form");
            partner.click("#save");
            status(partner, "DRAFT");
            String url = partner.url();
            assertThat(url).matches(".*/proposals/\\d+$");
            assertThat(partner.textContent("#proposal-heading")).contains("HUKR26-PRO-MIN-");
            assertThat(partner.textContent("#targets")).contains("2,920"); // girls + boys + women + men + older persons
            partner.click("#action-submit");
            partner.waitForSelector("#submit-anyway, #proposal-heading [data-status='SUBMITTED']");
            if (partner.isVisible("#submit-anyway")) { // another organisation works there: the warning comes first
                Browser.screenshot(partner, "proposal-2-deconfliction-warning");
                partner.click("#submit-anyway");
            }
            status(partner, "SUBMITTED");
            Browser.screenshot(partner, "proposal-2-submitted");

            // 2. The lead of the Ukraine sub-cluster reviews, scores, approves and publishes.
            Page lead = browser.login("lead.ukraine");
            lead.onPageError(errors::add);
            lead.navigate(url);
            status(lead, "SUBMITTED");
            lead.click("#action-start-review");
            status(lead, "UNDER_REVIEW");
            for (String criterion : List.of("relevance", "contamination-coverage", "gender-diversity", "capacity", "cost-per-beneficiary")) {
                lead.fill("#score-" + criterion + " input", "4");
            }
            lead.fill("#review-comment textarea", "Clear targeting; good cost per beneficiary.");
            Browser.screenshot(lead, "proposal-3-review");
            lead.click("#review-approve");
            status(lead, "APPROVED");
            assertThat(lead.textContent("#reviews")).contains("approved").contains("Clear targeting");
            lead.click("#action-publish");
            status(lead, "PUBLISHED");
            assertThat(lead.textContent("#timeline")).contains("Submitted").contains("Under review").contains("Approved").contains("Published");
            Browser.screenshot(lead, "proposal-4-published");

            // 3. The donor finds it among published proposals and sees no workflow action.
            Page donor = browser.login("donor");
            donor.onPageError(errors::add);
            donor.navigate(browser.url("/proposals"));
            donor.fill("#filter-text input", "Kyiv farmland");
            donor.waitForSelector("#proposals >> text=" + TITLE);
            donor.click("#proposals a[href$='" + url.substring(url.indexOf("proposals/")) + "']");
            status(donor, "PUBLISHED");
            assertThat(donor.locator("#proposal-actions vaadin-button").count()).isZero();
            assertThat(donor.textContent("#proposal-facts")).contains("US$ 900,000");
            Browser.screenshot(donor, "proposal-5-donor");
            assertThat(errors).as("no script error on any page").isEmpty();
        }
    }
}
