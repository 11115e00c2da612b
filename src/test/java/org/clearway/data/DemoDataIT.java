package org.clearway.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reference facts and demo data load once; loading again adds nothing. Facts keep their sources. */
@ClearwayTest
class DemoDataIT {

    private static final List<String> TABLES = List.of("country", "admin_area", "organisation", "subcluster", "response_plan",
            "proposal", "proposal_activity", "proposal_location", "budget_line", "funding_flow", "hazard", "land_release",
            "casualty", "eore_session", "treaty_status", "committee_term", "committee_role", "action", "action_progress",
            "partnership_request", "partnership_offer", "app_user", "field_coordination_fact", "plan_figure_fact");

    @Autowired
    DSLContext db;
    @Autowired
    ReferenceDataLoader reference;
    @Autowired
    DemoDataLoader demo;

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, ((Number) db.fetchValue("SELECT count(*) FROM " + table)).longValue());
        }
        return counts;
    }

    @Test
    void loading_twice_adds_no_duplicates() {
        Map<String, Long> before = counts();
        reference.load();
        assertThat(demo.loadIfMissing()).as("demo data is loaded only once").isFalse();
        // even a forced reload of the reference files (as after a file change) upserts instead of duplicating
        db.execute("DELETE FROM dataset_load WHERE dataset <> 'demo'");
        reference.load();
        assertThat(counts()).isEqualTo(before);
        assertThat(before.get("proposal")).isGreaterThan(100);
        assertThat(before.get("hazard")).isGreaterThan(1000);
    }

    @Test
    void synthetic_rows_are_labelled_and_real_facts_carry_a_source() {
        for (String table : List.of("proposal", "funding_flow", "hazard", "casualty", "eore_session", "response_plan")) {
            assertThat(db.fetchValue("SELECT bool_and(synthetic) FROM " + table)).as(table + " is all synthetic").isEqualTo(true);
        }
        assertThat(db.fetchValue("SELECT count(*) FROM treaty_status WHERE source IS NULL OR source = '' OR as_of IS NULL")).isEqualTo(0L);
        assertThat(db.fetchValue("SELECT bool_and(synthetic) FROM admin_area WHERE level = 1")).isEqualTo(true);
        assertThat(db.fetchValue("SELECT bool_or(synthetic) FROM admin_area WHERE level = 0")).isEqualTo(false);
        assertThat(db.fetchValue("SELECT count(*) FROM app_user WHERE NOT synthetic")).isEqualTo(0L);
    }

    @Test
    void treaty_counts_match_the_compiled_un_treaty_collection_figures() {
        // shared/data/README.md: CCM 112 parties + 12 signatories, CCW 128, APII 107, PV 99, CRPD 192 states
        assertThat(count("CCM", "PARTY")).isEqualTo(112);
        assertThat(count("CCM", "SIGNATORY")).isEqualTo(12);
        assertThat(count("CCW", "PARTY")).isEqualTo(128);
        assertThat(count("CCW_APII", "PARTY")).isEqualTo(107);
        assertThat(count("CCW_PV", "PARTY")).isEqualTo(99);
        assertThat(count("CRPD", "PARTY")).isEqualTo(192);
        assertThat(count("APMBC", "WITHDRAWN")).isEqualTo(5);
        assertThat(count("APMBC", "WITHDRAWAL_ANNOUNCED")).isEqualTo(1);
        assertThat(db.fetchValue("SELECT status FROM treaty_status ts JOIN treaty t USING (treaty_id) WHERE t.code = 'APMBC' AND iso3 = 'UKR'"))
                .isEqualTo("WITHDRAWAL_ANNOUNCED");
    }

    @Test
    void casualties_of_2023_match_landmine_monitor_2024_national_totals() {
        assertThat(db.fetchValue("SELECT count(*) FROM casualty WHERE iso3 = 'MMR' AND incident_date BETWEEN '2023-01-01' AND '2023-12-31'"))
                .isEqualTo(1003L);
        assertThat(db.fetchValue("SELECT count(*) FROM casualty WHERE iso3 = 'UKR' AND incident_date BETWEEN '2023-01-01' AND '2023-12-31'"))
                .isEqualTo(580L);
    }

    @Test
    void budget_lines_of_demo_proposals_sum_to_their_requirements() {
        assertThat(db.fetchValue("""
                SELECT count(*) FROM proposal p
                WHERE p.requirements_usd <> (SELECT sum(amount_usd) FROM budget_line b WHERE b.proposal_id = p.proposal_id)
                """)).isEqualTo(0L);
    }

    private int count(String treaty, String status) {
        return ((Number) db.fetchValue("SELECT count(*) FROM treaty_status ts JOIN treaty t USING (treaty_id) WHERE t.code = ? AND ts.status = ?",
                treaty, status)).intValue();
    }
}
