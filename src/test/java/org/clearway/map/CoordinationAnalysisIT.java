package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearway.map.query.CoordinationAnalysis;
import org.clearway.map.query.CoverageGap;
import org.clearway.map.query.Overlap;
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
 * Deconfliction and coverage gaps on hand-made geometry in the Pacific (two 1°x1° admin areas A and B
 * on the equator), so the answers are known: one overlap of about 12,309 km² and one gap of about 1.23 km².
 */
@ClearwayTest
@Transactional
class CoordinationAnalysisIT {

    private static final int YEAR = 2031;

    @Autowired
    CoordinationAnalysis analysis;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void handMadeWorld() {
        db.execute("INSERT INTO country (iso3, name, source) VALUES ('TSA', 'Testland', 'test')");
        db.execute("""
                INSERT INTO admin_area (level, pcode, iso3, name, geom, synthetic, source)
                VALUES (0, 'TA', 'TSA', 'Testland', ST_Multi(ST_MakeEnvelope(-160, 0, -158, 1, 4326)), true, 'test')""");
        db.execute("""
                INSERT INTO admin_area (level, pcode, iso3, name, parent_id, geom, synthetic, source)
                SELECT 1, v.pcode, 'TSA', v.name, p.admin_area_id, ST_Multi(ST_MakeEnvelope(v.x0, 0, v.x0 + 1, 1, 4326)), true, 'test'
                FROM (VALUES ('TA01', 'Area A', -160), ('TA02', 'Area B', -159)) v(pcode, name, x0), admin_area p WHERE p.pcode = 'TA'""");
        db.execute("INSERT INTO subcluster (iso3, name, status, geom) SELECT 'TSA', 'Test sub-cluster', 'ACTIVE', geom FROM admin_area WHERE pcode = 'TA'");
        db.execute("INSERT INTO response_plan (iso3, year, plan_type, name, code) VALUES ('TSA', 2031, 'HRP', 'Test plan', 'HTSA31')");
        db.execute("INSERT INTO organisation (name, acronym, org_type) VALUES ('Org X', 'X', 'INGO'), ('Org Y', 'Y', 'INGO'), ('Org Z', 'Z', 'NNGO')");
        proposal("P1", "X", "EORE", "TA01", "SUBMITTED");
        proposal("P2", "Y", "EORE", "TA01", "DRAFT");
        proposal("P3", "X", "EORE", "TA02", "APPROVED");              // same org as P1; only touches P2
        proposal("P4", "Y", "SURVEY_CLEARANCE", "TA01", "APPROVED");  // overlaps P1 with another activity; covers area A
        proposal("P5", "Z", "EORE", "TA01", "REJECTED");              // rejected: ignored
        hazard("H1", -159.5, "ACTIVE");   // in A, covered by P4
        hazard("H2", -158.5, "ACTIVE");   // in B, nobody's clearance proposal: a gap
        hazard("H3", -158.3, "RELEASED"); // in B but released: no gap
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    private void proposal(String code, String org, String activity, String pcode, String status) {
        long id = db.fetchOne("""
                INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status)
                SELECT rp.response_plan_id, s.subcluster_id, o.organisation_id, ?, 'Test ' || ?, 100000, ?
                FROM response_plan rp, subcluster s, organisation o
                WHERE rp.code = 'HTSA31' AND s.iso3 = 'TSA' AND o.acronym = ?
                RETURNING proposal_id""", "TEST-" + code, code, status, org).get(0, Long.class);
        db.execute("INSERT INTO proposal_activity (proposal_id, activity) VALUES (?, ?)", id, activity);
        db.execute("INSERT INTO proposal_location (proposal_id, admin_area_id) SELECT ?, admin_area_id FROM admin_area WHERE pcode = ?", id, pcode);
    }

    private void hazard(String name, double lon, String status) {
        db.execute("""
                INSERT INTO hazard (iso3, admin_area_id, hazard_type, contamination_type, status, name, geom, area_m2)
                SELECT 'TSA', a.admin_area_id, 'CHA', 'AP_MINE', ?, ?, ST_Multi(ST_MakeEnvelope(?, 0.5, ? + 0.01, 0.51, 4326)), 1
                FROM admin_area a WHERE ST_Contains(a.geom, ST_SetSRID(ST_MakePoint(? + 0.005, 0.505), 4326)) AND a.level = 1""",
                status, name, lon, lon, lon);
    }

    @Test
    void only_different_organisations_with_the_same_activity_and_a_real_overlap_are_listed() {
        AsUser.login(users, "coordinator");
        List<Overlap> overlaps = analysis.deconfliction(YEAR, null);
        assertThat(overlaps).hasSize(1);
        Overlap overlap = overlaps.getFirst();
        assertThat(List.of(overlap.codeA(), overlap.codeB())).containsExactlyInAnyOrder("TEST-P1", "TEST-P2");
        assertThat(overlap.activity()).isEqualTo("EORE");
        // a 1° x 1° cell on the equator is about 12,309 km² on the WGS 84 spheroid
        assertThat(overlap.overlapKm2().doubleValue()).isBetween(12_300.0, 12_320.0);
    }

    @Test
    void a_partner_sees_overlaps_only_among_proposals_it_may_see() {
        AsUser.login(users, "partner.halo");
        assertThat(analysis.deconfliction(YEAR, null)).as("other organisations' drafts and submissions are not its to see").isEmpty();
        // its own draft over area B, where another organisation's EORE proposal is published (and a third's is approved, unpublished)
        proposal("P7", "HALO", "EORE", "TA02", "DRAFT");
        proposal("P8", "Y", "EORE", "TA02", "PUBLISHED");
        proposal("P10", "X", "EORE", "TA02", "PUBLISHED"); // overlaps P8 too, but neither is the partner's
        List<Overlap> overlaps = analysis.deconfliction(YEAR, null);
        assertThat(overlaps).extracting(o -> o.codeA() + "/" + o.codeB()).containsExactlyInAnyOrder("TEST-P7/TEST-P8", "TEST-P7/TEST-P10");
    }

    @Test
    void hazards_outside_accepted_clearance_proposals_are_gaps_by_admin_area() {
        AsUser.login(users, "coordinator");
        List<CoverageGap> gaps = analysis.coverageGaps(YEAR, null).stream().filter(g -> g.iso3().equals("TSA")).toList();
        assertThat(gaps).hasSize(1);
        CoverageGap gap = gaps.getFirst();
        assertThat(gap.pcode()).isEqualTo("TA02");
        assertThat(gap.hazards()).isEqualTo(1);
        // 0.01° x 0.01° at the equator: about 1.23 km² (geography, not degrees)
        assertThat(gap.areaKm2().doubleValue()).isBetween(1.22, 1.24);
        // a draft clearance proposal over area B covers it once money is committed to it, not while it is only pledged
        proposal("P6", "Z", "SURVEY_CLEARANCE", "TA02", "DRAFT");
        String flow = "INSERT INTO funding_flow (source_organisation_id, destination_organisation_id, proposal_id, amount_usd, flow_date, status)"
                + " SELECT o.organisation_id, p.organisation_id, p.proposal_id, 50000, DATE '2031-03-01', ? FROM proposal p, organisation o"
                + " WHERE p.code = 'TEST-P6' AND o.acronym = 'X'";
        db.execute(flow, "PLEDGE");
        assertThat(analysis.coverageGaps(YEAR, null).stream().filter(g -> g.iso3().equals("TSA")).map(CoverageGap::pcode))
                .as("a pledge is not funding").containsExactly("TA02");
        db.execute(flow, "COMMITMENT");
        assertThat(analysis.coverageGaps(YEAR, null).stream().filter(g -> g.iso3().equals("TSA"))).as("funded: covered").isEmpty();
    }

    @Test
    void a_new_boundary_moves_the_footprints_of_the_proposals_located_in_it() {
        AsUser.login(users, "coordinator");
        assertThat(analysis.coverageGaps(YEAR, null).stream().filter(g -> g.iso3().equals("TSA")).map(CoverageGap::pcode)).containsExactly("TA02");
        // area A's boundary, as an import of COD-AB boundaries would update it: now its western half only, without H1
        db.execute("UPDATE admin_area SET geom = ST_Multi(ST_MakeEnvelope(-160, 0, -159.6, 1, 4326)) WHERE pcode = 'TA01'");
        assertThat(db.fetchOne("SELECT ST_XMax(footprint) FROM proposal WHERE code = 'TEST-P4'").get(0, Double.class)).isEqualTo(-159.6);
        assertThat(analysis.coverageGaps(YEAR, null).stream().filter(g -> g.iso3().equals("TSA")).map(CoverageGap::pcode))
                .as("H1 is no longer under P4's clearance").containsExactlyInAnyOrder("TA01", "TA02");
    }

    @Test
    void the_funding_gap_choropleth_splits_a_published_proposals_gap_evenly_across_its_areas() {
        // P9: published, in areas A and B, 100,000 required, 40,000 committed and a 10,000 pledge (not funding): 30,000 in each
        proposal("P9", "Z", "EORE", "TA01", "PUBLISHED");
        db.execute("INSERT INTO proposal_location (proposal_id, admin_area_id) SELECT p.proposal_id, a.admin_area_id FROM proposal p, admin_area a"
                + " WHERE p.code = 'TEST-P9' AND a.pcode = 'TA02'");
        String flow = "INSERT INTO funding_flow (source_organisation_id, destination_organisation_id, proposal_id, amount_usd, flow_date, status)"
                + " SELECT o.organisation_id, p.organisation_id, p.proposal_id, ?, DATE '2031-03-01', ? FROM proposal p, organisation o"
                + " WHERE p.code = 'TEST-P9' AND o.acronym = 'X'";
        db.execute(flow, 40_000, "COMMITMENT");
        db.execute(flow, 10_000, "PLEDGE");
        // z5 tile (1, 15) holds Testland; the other proposals are not published and count for nothing
        byte[] tile = db.fetchOne("SELECT tile_admin1(5, 1, 15, ?)", YEAR).get(0, byte[].class);
        java.util.Map<String, Double> gaps = new java.util.HashMap<>();
        MvtReader.read(tile).get("admin1").forEach(f -> gaps.put((String) f.properties().get("pcode"),
                ((Number) f.properties().get("funding_gap")).doubleValue()));
        assertThat(gaps).containsEntry("TA01", 30_000.0).containsEntry("TA02", 30_000.0);
        byte[] otherYear = db.fetchOne("SELECT tile_admin1(5, 1, 15, ?)", YEAR + 1).get(0, byte[].class);
        assertThat(MvtReader.read(otherYear).get("admin1")).filteredOn(f -> "TA01".equals(f.properties().get("pcode")))
                .singleElement().satisfies(f -> assertThat(((Number) f.properties().get("funding_gap")).doubleValue()).isZero());
    }

    @Test
    void hazards_move_to_the_admin_area_a_new_boundary_puts_them_in() {
        db.execute("""
                INSERT INTO casualty (iso3, admin_area_id, incident_date, outcome, geom)
                SELECT 'TSA', admin_area_id, DATE '2031-02-01', 'INJURED', ST_SetSRID(ST_MakePoint(-159.4, 0.5), 4326) FROM admin_area WHERE pcode = 'TA01'""");
        // new boundaries: area A shrinks to its western part, area B takes the rest, so H1 (and the casualty) now lie in B
        db.execute("""
                UPDATE admin_area SET geom = CASE pcode WHEN 'TA01' THEN ST_Multi(ST_MakeEnvelope(-160, 0, -159.6, 1, 4326))
                                                        ELSE ST_Multi(ST_MakeEnvelope(-159.6, 0, -158, 1, 4326)) END
                WHERE pcode IN ('TA01', 'TA02')""");
        assertThat(db.fetchOne("SELECT a.pcode FROM hazard h JOIN admin_area a USING (admin_area_id) WHERE h.name = 'H1'").get(0, String.class))
                .isEqualTo("TA02");
        assertThat(db.fetchOne("SELECT a.pcode FROM hazard h JOIN admin_area a USING (admin_area_id) WHERE h.name = 'H2'").get(0, String.class))
                .isEqualTo("TA02");
        assertThat(db.fetchOne("SELECT a.pcode FROM casualty c JOIN admin_area a USING (admin_area_id) WHERE c.iso3 = 'TSA'").get(0, String.class))
                .isEqualTo("TA02");
        // a new level-1 area over H2 (a COD-AB area with a P-code the demo did not have) takes it only where it is the first
        db.execute("""
                INSERT INTO admin_area (level, pcode, iso3, name, parent_id, geom, synthetic, source)
                SELECT 1, 'TA03', 'TSA', 'Area C', parent_id, ST_Multi(ST_MakeEnvelope(-158.6, 0, -158, 1, 4326)), false, 'test'
                FROM admin_area WHERE pcode = 'TA02'""");
        assertThat(db.fetchOne("SELECT a.pcode FROM hazard h JOIN admin_area a USING (admin_area_id) WHERE h.name = 'H2'").get(0, String.class))
                .as("B (lower id) and C overlap there: the importer's rule, the lowest id").isEqualTo("TA02");
        db.execute("UPDATE admin_area SET geom = ST_Multi(ST_MakeEnvelope(-159.6, 0, -158.6, 1, 4326)) WHERE pcode = 'TA02'");
        assertThat(db.fetchOne("SELECT a.pcode FROM hazard h JOIN admin_area a USING (admin_area_id) WHERE h.name = 'H2'").get(0, String.class))
                .as("B no longer reaches it").isEqualTo("TA03");
    }
}
