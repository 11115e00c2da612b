package org.clearway.dashboard.query;

import java.math.BigDecimal;
import java.util.List;
import org.clearway.common.AccessRefusedException;
import org.clearway.dashboard.query.Rows.CasualtyGroup;
import org.clearway.dashboard.query.Rows.Completeness;
import org.clearway.dashboard.query.Rows.Contamination;
import org.clearway.dashboard.query.Rows.Count;
import org.clearway.dashboard.query.Rows.FiveW;
import org.clearway.dashboard.query.Rows.Flow;
import org.clearway.dashboard.query.Rows.PartnerFunding;
import org.clearway.dashboard.query.Rows.QueueItem;
import org.clearway.dashboard.query.Rows.SubclusterFunding;
import org.clearway.dashboard.query.Rows.Targeted;
import org.clearway.dashboard.query.Rows.YearFunding;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards' numbers, all computed in SQL (one statement per chart). Appeal figures count the
 * accepted proposals of a plan year (approved, published, closed; donors: published and closed);
 * "funded" is the commitments and paid contributions to a proposal, each flow counted once (kept per
 * proposal in {@code proposal_funding} by triggers; hazards and casualties read summary tables too).
 * Scope: global roles see everything, a lead only their sub-clusters, donors and partners published data.
 */
@Service
public class DashboardQuery {

    private static final String ACCEPTED = "('APPROVED', 'PUBLISHED', 'CLOSED')";
    private static final String PUBLISHED = "('PUBLISHED', 'CLOSED')";

    private final DSLContext db;
    private final CurrentUser currentUser;

    public DashboardQuery(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /** The filter the current user may use: refuses another sub-cluster to a lead, forces published data on donors. */
    public DashboardFilter authorise(DashboardFilter filter) {
        UserScope scope = currentUser.require();
        return switch (scope.role()) {
            case ADMIN, GLOBAL_COORDINATOR -> filter;
            case SUBCLUSTER_LEAD -> {
                if (filter.subclusterId() == null || !scope.subclusterIds().contains(filter.subclusterId())) {
                    throw new AccessRefusedException("error.access.subcluster-dashboard");
                }
                yield filter;
            }
            case PARTNER, DONOR -> new DashboardFilter(filter.year(), filter.subclusterId(), filter.activity(), true);
        };
    }

    public boolean isGlobal() {
        return currentUser.find().map(s -> s.role() == Role.ADMIN || s.role() == Role.GLOBAL_COORDINATOR).orElse(false);
    }

    /** The scoped proposals of the filter with their funding: the base of every appeal figure. */
    private String proposals(DashboardFilter f, boolean acceptedOnly) {
        return proposals(f, acceptedOnly, "rp.year = {0}");
    }

    private String proposals(DashboardFilter f, boolean acceptedOnly, String yearCondition) {
        String states = f.publishedOnly() ? PUBLISHED : acceptedOnly ? ACCEPTED : null;
        return """
                WITH p AS (
                    SELECT p.proposal_id, p.code, p.status, p.organisation_id, p.subcluster_id, p.requirements_usd, rp.year,
                           s.iso3, c.name AS country, o.name AS organisation,
                           p.target_girls + p.target_boys + p.target_women + p.target_men + p.target_older_persons AS people,
                           coalesce(pf.funded_usd, 0) AS funded
                    FROM proposal p
                    LEFT JOIN proposal_funding pf ON pf.proposal_id = p.proposal_id
                    JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                    JOIN subcluster s ON s.subcluster_id = p.subcluster_id
                    JOIN country c ON c.iso3 = s.iso3
                    JOIN organisation o ON o.organisation_id = p.organisation_id
                    WHERE p.deleted_at IS NULL AND %s
                      AND ({1}::bigint IS NULL OR p.subcluster_id = {1})
                      AND ({2}::text IS NULL OR EXISTS (SELECT 1 FROM proposal_activity a WHERE a.proposal_id = p.proposal_id AND a.activity = {2}))
                      %s
                )
                """.formatted(yearCondition, states == null ? "" : "AND p.status IN " + states);
    }

    private QueryPart[] binds(DashboardFilter f) {
        return new QueryPart[] {DSL.val(f.year()), DSL.val(f.subclusterId()), DSL.val(f.activity())};
    }

    @Transactional(readOnly = true)
    public Figures figures(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        Record r = db.fetchOne(DSL.resultQuery(proposals(f, true) + """
                SELECT count(*), count(DISTINCT organisation_id), coalesce(sum(requirements_usd), 0), coalesce(sum(funded), 0),
                       coalesce(sum(people), 0)
                FROM p WHERE year = {0}""", binds(f)));
        return new Figures(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, BigDecimal.class), r.get(3, BigDecimal.class),
                r.get(4, Long.class));
    }

    @Transactional(readOnly = true)
    public List<SubclusterFunding> fundingBySubcluster(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true) + """
                SELECT subcluster_id, country, sum(requirements_usd), sum(funded) FROM p WHERE year = {0}
                GROUP BY subcluster_id, country ORDER BY sum(requirements_usd) DESC""", binds(f)))
                .map(r -> new SubclusterFunding(r.get(0, Long.class), r.get(1, String.class), r.get(2, BigDecimal.class), r.get(3, BigDecimal.class)));
    }

    @Transactional(readOnly = true)
    public List<YearFunding> fundingTrend(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true, "rp.year <= {0}") + """
                SELECT year, sum(requirements_usd), sum(funded) FROM p GROUP BY year ORDER BY year""", binds(f)))
                .map(r -> new YearFunding(r.get(0, Integer.class), r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)));
    }

    @Transactional(readOnly = true)
    public List<Count> proposalsByStatus(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, false) + """
                SELECT status, count(*) FROM p WHERE year = {0} GROUP BY status ORDER BY count(*) DESC""", binds(f)))
                .map(r -> new Count(r.get(0, String.class), r.get(1, Long.class)));
    }

    @Transactional(readOnly = true)
    public Targeted peopleTargeted(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        Record r = db.fetchOne(DSL.resultQuery(proposals(f, true).replace("AS people,", "AS people, p.target_girls, p.target_boys, "
                + "p.target_women, p.target_men, p.target_older_persons, p.target_pwd,") + """
                SELECT coalesce(sum(target_girls), 0), coalesce(sum(target_boys), 0), coalesce(sum(target_women), 0),
                       coalesce(sum(target_men), 0), coalesce(sum(target_older_persons), 0), coalesce(sum(target_pwd), 0)
                FROM p WHERE year = {0}""", binds(f)));
        return new Targeted(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, Long.class), r.get(4, Long.class),
                r.get(5, Long.class));
    }

    @Transactional(readOnly = true)
    public List<Flow> fundingFlows(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true) + """
                SELECT coalesce(d.acronym, d.name), coalesce(o.acronym, o.name), p.country, sum(ff.amount_usd)
                FROM p JOIN funding_flow ff ON ff.proposal_id = p.proposal_id AND ff.status IN ('COMMITMENT', 'PAID')
                JOIN organisation d ON d.organisation_id = ff.source_organisation_id
                JOIN organisation o ON o.organisation_id = p.organisation_id
                WHERE p.year = {0}
                GROUP BY 1, 2, 3 ORDER BY 4 DESC""", binds(f)))
                .map(r -> new Flow(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, BigDecimal.class)));
    }

    @Transactional(readOnly = true)
    public List<PartnerFunding> fundingByPartner(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true) + """
                SELECT organisation, sum(requirements_usd), sum(funded) FROM p WHERE year = {0}
                GROUP BY organisation ORDER BY sum(requirements_usd) DESC""", binds(f)))
                .map(r -> new PartnerFunding(r.get(0, String.class), r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)));
    }

    @Transactional(readOnly = true)
    public List<Count> activityMix(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true) + """
                SELECT a.activity, count(*) FROM p JOIN proposal_activity a ON a.proposal_id = p.proposal_id
                WHERE p.year = {0} GROUP BY a.activity ORDER BY count(*) DESC""", binds(f)))
                .map(r -> new Count(r.get(0, String.class), r.get(1, Long.class)));
    }

    /** Who does what where: organisation x admin-1 area x activity, requirements split evenly across locations. */
    @Transactional(readOnly = true)
    public List<FiveW> fiveW(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, true) + """
                SELECT p.organisation, aa.pcode, aa.name, a.activity, count(DISTINCT p.proposal_id),
                       round(sum(p.requirements_usd / n.locations), 2), round(sum(p.people / n.locations))::bigint
                FROM p
                JOIN proposal_location l ON l.proposal_id = p.proposal_id
                JOIN admin_area aa ON aa.admin_area_id = l.admin_area_id
                JOIN proposal_activity a ON a.proposal_id = p.proposal_id
                JOIN LATERAL (SELECT count(*) AS locations FROM proposal_location l2 WHERE l2.proposal_id = p.proposal_id) n ON true
                WHERE p.year = {0}
                GROUP BY p.organisation, aa.pcode, aa.name, a.activity ORDER BY aa.pcode, p.organisation, a.activity""", binds(f)))
                .map(r -> new FiveW(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Integer.class), r.get(5, BigDecimal.class), r.get(6, Long.class)));
    }

    @Transactional(readOnly = true)
    public List<QueueItem> reviewQueue(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, false) + """
                SELECT proposal_id, code, organisation, status, requirements_usd FROM p
                WHERE year = {0} AND status IN ('SUBMITTED', 'UNDER_REVIEW') ORDER BY status DESC, code""", binds(f)))
                .map(r -> new QueueItem(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, BigDecimal.class)));
    }

    /** Proposals lacking locations or sex- and age-disaggregated targets. */
    @Transactional(readOnly = true)
    public List<Completeness> completeness(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.fetch(DSL.resultQuery(proposals(f, false) + """
                SELECT p.proposal_id, p.code, p.organisation,
                       NOT EXISTS (SELECT 1 FROM proposal_location l WHERE l.proposal_id = p.proposal_id) AS no_location,
                       p.people = 0 AS no_targets
                FROM p WHERE p.year = {0}
                  AND (NOT EXISTS (SELECT 1 FROM proposal_location l WHERE l.proposal_id = p.proposal_id) OR p.people = 0)
                ORDER BY p.code""", binds(f)))
                .map(r -> new Completeness(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Boolean.class),
                        r.get(4, Boolean.class)));
    }

    /** Hazardous areas not yet released, km² by country and contamination type (public data; from the summary table). */
    @Transactional(readOnly = true)
    public List<Contamination> contamination(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.resultQuery("""
                SELECT c.name, s.contamination_type, round(s.area_m2 / 1e6, 3)
                FROM hazard_area_summary s JOIN country c ON c.iso3 = s.iso3
                WHERE s.hazards > 0 AND ({0}::bigint IS NULL OR s.iso3 = (SELECT iso3 FROM subcluster WHERE subcluster_id = {0}))
                ORDER BY c.name, s.contamination_type""", DSL.val(f.subclusterId()))
                .fetch(r -> new Contamination(r.get(0, String.class), r.get(1, String.class), r.get(2, BigDecimal.class)));
    }

    /** Casualties of the five years up to the plan year by group (casualty_group(): civilian children, women, men...). */
    @Transactional(readOnly = true)
    public List<CasualtyGroup> casualties(DashboardFilter filter) {
        DashboardFilter f = authorise(filter);
        return db.resultQuery("""
                SELECT year, grp, sum(casualties)::bigint FROM casualty_summary
                WHERE year BETWEEN {0} - 4 AND {0} AND casualties > 0
                  AND ({1}::bigint IS NULL OR iso3 = (SELECT iso3 FROM subcluster WHERE subcluster_id = {1}))
                GROUP BY year, grp ORDER BY year, grp""", DSL.val(f.year()), DSL.val(f.subclusterId()))
                .fetch(r -> new CasualtyGroup(r.get(0, Integer.class), r.get(1, String.class), r.get(2, Long.class)));
    }

    /** APMBC States Parties (announced withdrawals still count until they take effect) and the states in our list. */
    @Transactional(readOnly = true)
    public long[] apmbcParties() {
        Record r = db.fetchOne("""
                SELECT count(*) FILTER (WHERE ts.status IN ('PARTY', 'WITHDRAWAL_ANNOUNCED')), (SELECT count(*) FROM country)
                FROM treaty_status ts JOIN treaty t ON t.treaty_id = ts.treaty_id WHERE t.code = 'APMBC'""");
        return new long[] {r.get(0, Long.class), r.get(1, Long.class)};
    }
}
