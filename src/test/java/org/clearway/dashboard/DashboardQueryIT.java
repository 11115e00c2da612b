package org.clearway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.clearway.common.AccessRefusedException;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;
import org.clearway.dashboard.query.Figures;
import org.clearway.dashboard.query.Rows;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboard queries on hand-made data with known totals (sub-cluster "Testland", plan 2031):
 * A published, 1,000,000 required, two locations, funded 600,000 paid + 100,000 commitment + a 999 pledge (not counted);
 * B approved, 500,000 required, one location, not funded; C rejected, 300,000 (never counted); D draft, 200,000.
 */
@ClearwayTest
@Transactional
class DashboardQueryIT {

    @Autowired
    DashboardQuery query;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService users;

    long subcluster;

    @BeforeEach
    void data() {
        db.execute("INSERT INTO country (iso3, name, source) VALUES ('TSB', 'Testland', 'test')");
        db.execute("INSERT INTO admin_area (level, pcode, iso3, name, geom, source) VALUES (0, 'TB', 'TSB', 'Testland', ST_Multi(ST_MakeEnvelope(-150, 0, -148, 1, 4326)), 'test')");
        db.execute("""
                INSERT INTO admin_area (level, pcode, iso3, name, parent_id, geom, source)
                SELECT 1, v.p, 'TSB', v.n, a.admin_area_id, ST_Multi(ST_MakeEnvelope(v.x, 0, v.x + 1, 1, 4326)), 'test'
                FROM (VALUES ('TB01', 'North', -150), ('TB02', 'South', -149)) v(p, n, x), admin_area a WHERE a.pcode = 'TB'""");
        subcluster = db.fetchOne("INSERT INTO subcluster (iso3, name, status) VALUES ('TSB', 'Test', 'ACTIVE') RETURNING subcluster_id").get(0, Long.class);
        db.execute("INSERT INTO response_plan (iso3, year, plan_type, name, code) VALUES ('TSB', 2031, 'HRP', 'Test', 'HTSB31')");
        db.execute("INSERT INTO organisation (name, acronym, org_type) VALUES ('Org P', 'P', 'INGO'), ('Donor Q', 'Q', 'DONOR')");
        proposal("A", "PUBLISHED", 1_000_000, 100, "TB01", "TB02");
        proposal("B", "APPROVED", 500_000, 50, "TB01");
        proposal("C", "REJECTED", 300_000, 30, "TB02");
        proposal("D", "DRAFT", 200_000, 20, "TB02");
        flow("A", 600_000, "PAID");
        flow("A", 100_000, "COMMITMENT");
        flow("A", 999, "PLEDGE");
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    private void proposal(String code, String status, int required, int girls, String... pcodes) {
        long id = db.fetchOne("""
                INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status, target_girls)
                SELECT rp.response_plan_id, ?, o.organisation_id, ?, 'Test', ?, ?, ?
                FROM response_plan rp, organisation o WHERE rp.code = 'HTSB31' AND o.acronym = 'P' RETURNING proposal_id""",
                subcluster, "TEST-" + code, required, status, girls).get(0, Long.class);
        db.execute("INSERT INTO proposal_activity (proposal_id, activity) VALUES (?, 'EORE')", id);
        for (String p : pcodes) {
            db.execute("INSERT INTO proposal_location (proposal_id, admin_area_id) SELECT ?, admin_area_id FROM admin_area WHERE pcode = ?", id, p);
        }
    }

    private void flow(String code, int amount, String status) {
        db.execute("""
                INSERT INTO funding_flow (source_organisation_id, destination_organisation_id, proposal_id, amount_usd, flow_date, status)
                SELECT d.organisation_id, p.organisation_id, p.proposal_id, ?, DATE '2031-03-01', ?
                FROM proposal p, organisation d WHERE p.code = ? AND d.acronym = 'Q'""", amount, status, "TEST-" + code);
    }

    private DashboardFilter filter(boolean published) {
        return new DashboardFilter(2031, subcluster, null, published);
    }

    @Test
    void accepted_proposals_count_and_each_flow_once_pledges_excluded() {
        AsUser.login(users, "coordinator");
        Figures f = query.figures(filter(false));
        assertThat(f.proposals()).isEqualTo(2);
        assertThat(f.requirementsUsd()).isEqualByComparingTo("1500000");
        assertThat(f.fundedUsd()).isEqualByComparingTo("700000");
        assertThat(f.gapUsd()).isEqualByComparingTo("800000");
        assertThat(f.percentFunded()).isEqualByComparingTo("46.7");
        assertThat(f.peopleTargeted()).isEqualTo(150);
        List<Rows.SubclusterFunding> bySubcluster = query.fundingBySubcluster(new DashboardFilter(2031, null, null, false));
        assertThat(bySubcluster).filteredOn(r -> r.subclusterId() == subcluster).singleElement()
                .satisfies(r -> assertThat(r.fundedUsd()).isEqualByComparingTo("700000"));
        assertThat(query.proposalsByStatus(filter(false))).extracting(Rows.Count::key)
                .containsExactlyInAnyOrder("PUBLISHED", "APPROVED", "REJECTED", "DRAFT");
        assertThat(query.fundingFlows(filter(false))).singleElement()
                .satisfies(flow -> assertThat(flow.amountUsd()).isEqualByComparingTo("700000"));
    }

    @Test
    void the_5w_splits_a_proposal_evenly_across_its_locations() {
        AsUser.login(users, "coordinator");
        List<Rows.FiveW> rows = query.fiveW(filter(false));
        assertThat(rows).extracting(Rows.FiveW::pcode).containsExactly("TB01", "TB02");
        assertThat(rows.get(0).requirementsUsd()).isEqualByComparingTo("1000000"); // 500,000 of A + all of B
        assertThat(rows.get(1).requirementsUsd()).isEqualByComparingTo("500000");  // the other half of A
        assertThat(rows.stream().map(Rows.FiveW::requirementsUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(query.figures(filter(false)).requirementsUsd());
    }

    @Test
    void donors_see_published_figures_only_and_no_draft() {
        AsUser.login(users, "donor");
        Figures f = query.figures(filter(false)); // a donor asking for everything still gets published data
        assertThat(f.proposals()).isEqualTo(1);
        assertThat(f.requirementsUsd()).isEqualByComparingTo("1000000");
        assertThat(query.proposalsByStatus(filter(false))).extracting(Rows.Count::key).containsExactly("PUBLISHED");
    }

    @Test
    void a_lead_cannot_read_another_subclusters_dashboard() {
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> query.figures(filter(false))).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> query.figures(new DashboardFilter(2031, null, null, false))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void summary_tables_follow_every_insert_update_and_delete_in_the_same_transaction() {
        db.execute("""
                INSERT INTO hazard (iso3, hazard_type, contamination_type, status, geom, area_m2)
                SELECT 'TSB', 'CHA', t, 'ACTIVE', ST_Multi(ST_MakeEnvelope(-149.5, 0.5, -149.49, 0.51, 4326)), a
                FROM (VALUES ('AP_MINE', 100.0), ('AP_MINE', 50.0), ('UXO', 10.0)) v(t, a)""");
        db.execute("UPDATE hazard SET status = 'RELEASED' WHERE iso3 = 'TSB' AND area_m2 = 50");
        db.execute("UPDATE hazard SET contamination_type = 'IED' WHERE iso3 = 'TSB' AND contamination_type = 'UXO'");
        db.execute("""
                INSERT INTO casualty (iso3, incident_date, outcome, civilian, sex, age_group, geom)
                SELECT 'TSB', DATE '2030-05-01', 'INJURED', c, s, g, ST_SetSRID(ST_MakePoint(-149.5, 0.5), 4326)
                FROM (VALUES (true, 'FEMALE', 'ADULT'), (true, 'MALE', 'CHILD'), (false, 'MALE', 'ADULT'), (null::boolean, 'MALE', 'ADULT')) v(c, s, g)""");
        db.execute("DELETE FROM casualty WHERE iso3 = 'TSB' AND civilian IS NULL");
        db.execute("UPDATE funding_flow SET status = 'PLEDGE' WHERE amount_usd = 100000");
        assertThat(db.fetch("""
                SELECT contamination_type, hazards, area_m2 FROM hazard_area_summary WHERE iso3 = 'TSB' AND hazards <> 0 ORDER BY 1""").format())
                .isEqualTo(db.fetch("""
                SELECT contamination_type, count(*) AS hazards, sum(area_m2) AS area_m2 FROM hazard
                WHERE iso3 = 'TSB' AND status <> 'RELEASED' GROUP BY 1 ORDER BY 1""").format());
        assertThat(db.fetch("SELECT year, grp, casualties FROM casualty_summary WHERE iso3 = 'TSB' AND casualties <> 0 ORDER BY 2").format())
                .isEqualTo(db.fetch("""
                SELECT extract(year FROM incident_date)::smallint AS year, casualty_group(civilian, age_group, sex) AS grp,
                       count(*) AS casualties FROM casualty WHERE iso3 = 'TSB' GROUP BY 1, 2 ORDER BY 2""").format());
        AsUser.login(users, "coordinator");
        assertThat(query.figures(filter(false)).fundedUsd()).as("the commitment turned pledge no longer counts").isEqualByComparingTo("600000");
        assertThat(query.contamination(filter(false))).extracting(Rows.Contamination::contaminationType).containsExactly("AP_MINE", "IED");
        assertThat(query.casualties(new DashboardFilter(2030, subcluster, null, false))).extracting(Rows.CasualtyGroup::group)
                .containsExactlyInAnyOrder("WOMAN", "CHILD", "NON_CIVILIAN");
    }

    @Test
    void data_completeness_lists_proposals_without_locations_or_targets() {
        AsUser.login(users, "coordinator");
        proposal("E", "SUBMITTED", 10_000, 0);
        assertThat(query.completeness(filter(false))).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("TEST-E");
            assertThat(c.missingLocations()).isTrue();
            assertThat(c.missingTargets()).isTrue();
        });
        assertThat(query.reviewQueue(filter(false))).extracting(Rows.QueueItem::code).containsExactly("TEST-E");
    }
}
