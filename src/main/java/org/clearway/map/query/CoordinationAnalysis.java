package org.clearway.map.query;

import static org.clearway.home.query.HomeQuery.proposalScope;
import static org.clearway.jooq.Tables.PROPOSAL;

import java.math.BigDecimal;
import java.util.List;
import org.clearway.home.query.HomeQuery;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a sub-cluster lead needs from the map that spreadsheets cannot give: overlapping proposals
 * (deconfliction) and hazardous areas nobody's accepted proposal covers (gaps). Areas are computed on
 * the spheroid ({@code geography}), in km².
 */
@Service
public class CoordinationAnalysis {

    /** Proposal states that count as "accepted" for coverage. */
    static final String ACCEPTED = "('APPROVED', 'PUBLISHED', 'CLOSED')";

    private final DSLContext db;
    private final CurrentUser currentUser;

    public CoordinationAnalysis(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /**
     * Overlaps among the proposals the user may see, for a plan year and optionally one sub-cluster. A partner sees the
     * overlaps of its own organisation's proposals with the others' published ones (as on the map), not the others' among
     * themselves.
     */
    @Transactional(readOnly = true)
    public List<Overlap> deconfliction(int year, Long subclusterId) {
        UserScope scope = currentUser.require();
        Condition visibleA = scope.role() == Role.PARTNER
                ? proposalScope(scope).or(PROPOSAL.STATUS.in(HomeQuery.PUBLIC_STATES)) : proposalScope(scope);
        String visibleSql = db.renderInlined(visibleA);
        String sql = """
                WITH p AS (
                    SELECT proposal.proposal_id, proposal.code, proposal.organisation_id, proposal.subcluster_id, proposal.footprint
                    FROM proposal JOIN response_plan rp ON rp.response_plan_id = proposal.response_plan_id
                    WHERE rp.year = {0} AND proposal.deleted_at IS NULL AND proposal.footprint IS NOT NULL
                      AND proposal.status NOT IN ('REJECTED', 'WITHDRAWN')
                      AND ({1}::bigint IS NULL OR proposal.subcluster_id = {1})
                      AND %s
                )
                SELECT a.proposal_id, a.code, oa.acronym, b.proposal_id, b.code, ob.acronym, aa.activity,
                       round((ST_Area(ST_Intersection(a.footprint, b.footprint)::geography) / 1e6)::numeric, 2) AS km2
                FROM p a
                JOIN p b ON a.proposal_id < b.proposal_id AND a.organisation_id <> b.organisation_id
                        AND a.footprint && b.footprint AND ST_Intersects(a.footprint, b.footprint)
                JOIN proposal_activity aa ON aa.proposal_id = a.proposal_id
                JOIN proposal_activity ab ON ab.proposal_id = b.proposal_id AND ab.activity = aa.activity
                JOIN organisation oa ON oa.organisation_id = a.organisation_id
                JOIN organisation ob ON ob.organisation_id = b.organisation_id
                WHERE ST_Area(ST_Intersection(a.footprint, b.footprint)::geography) > 0
                  AND ({2}::bigint IS NULL OR {2}::bigint IN (a.organisation_id, b.organisation_id))
                ORDER BY km2 DESC, a.code, b.code
                """.formatted(visibleSql.replace("\"public\".\"proposal\"", "proposal"));
        // a partner: the overlaps of its own proposals (with another organisation's published ones), not others' among themselves
        Long partnerOrg = scope.role() != Role.PARTNER ? null : scope.organisationId() == null ? -1L : scope.organisationId(); // -1: none
        return db.resultQuery(sql, DSL.val(year), DSL.val(subclusterId), DSL.val(partnerOrg, Long.class)).fetch(r -> new Overlap(
                r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Long.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, BigDecimal.class)));
    }

    /**
     * Hazardous areas (not yet released) that intersect no footprint of an accepted or funded proposal with
     * survey and clearance in the year, by admin-1 area, with their whole area. Funded means money committed or paid
     * (a pledge is not funding, as in the funding tiles and dashboards), to a proposal neither rejected nor withdrawn.
     * Leads see their sub-clusters' countries.
     */
    @Transactional(readOnly = true)
    public List<CoverageGap> coverageGaps(int year, Long subclusterId) {
        UserScope scope = currentUser.require();
        String countries = switch (scope.role()) {
            case SUBCLUSTER_LEAD -> "h.iso3 IN (SELECT iso3 FROM subcluster WHERE subcluster_id = ANY ({2}::bigint[]))";
            default -> "true";
        };
        String sql = """
                WITH cover AS (
                    SELECT p.footprint FROM proposal p
                    JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                    JOIN proposal_activity pa ON pa.proposal_id = p.proposal_id AND pa.activity = 'SURVEY_CLEARANCE'
                    WHERE rp.year = {0} AND p.deleted_at IS NULL AND p.footprint IS NOT NULL
                      AND (p.status IN %s OR p.status NOT IN ('REJECTED', 'WITHDRAWN') AND EXISTS (SELECT 1 FROM funding_flow f
                           WHERE f.proposal_id = p.proposal_id AND f.status IN ('COMMITMENT', 'PAID')))
                )
                SELECT a.admin_area_id, a.pcode, a.name, a.iso3, count(*)::int,
                       round((sum(ST_Area(h.geom::geography)) / 1e6)::numeric, 3) AS km2
                FROM hazard h
                JOIN admin_area a ON a.admin_area_id = h.admin_area_id
                WHERE h.status <> 'RELEASED'
                  AND ({1}::bigint IS NULL OR h.iso3 = (SELECT iso3 FROM subcluster WHERE subcluster_id = {1}))
                  AND %s
                  AND NOT EXISTS (SELECT 1 FROM cover c WHERE c.footprint && h.geom AND ST_Intersects(c.footprint, h.geom))
                GROUP BY a.admin_area_id, a.pcode, a.name, a.iso3
                ORDER BY km2 DESC
                """.formatted(ACCEPTED, countries);
        String ids = scope.subclusterIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        return db.resultQuery(sql, DSL.val(year), DSL.val(subclusterId), DSL.val(ids)).fetch(r -> new CoverageGap(
                r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, Integer.class), r.get(5, BigDecimal.class)));
    }
}
