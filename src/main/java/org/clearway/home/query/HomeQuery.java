package org.clearway.home.query;

import static org.clearway.jooq.Tables.CASUALTY;
import static org.clearway.jooq.Tables.FUNDING_FLOW;
import static org.clearway.jooq.Tables.HAZARD;
import static org.clearway.jooq.Tables.PROPOSAL;
import static org.clearway.jooq.Tables.RESPONSE_PLAN;
import static org.clearway.jooq.Tables.SUBCLUSTER;
import static org.clearway.jooq.Tables.TREATY;
import static org.clearway.jooq.Tables.TREATY_STATUS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The home page's key figures, computed in SQL for the current user's scope. */
@Service
public class HomeQuery {

    /** Proposal states a donor (or anyone outside the proposal's scope) may see. */
    public static final List<String> PUBLIC_STATES = List.of("PUBLISHED", "CLOSED");
    /** Funding that counts as received (FTS: commitments and paid contributions, not pledges). */
    static final List<String> FUNDED_STATES = List.of("COMMITMENT", "PAID");

    private final DSLContext db;
    private final CurrentUser currentUser;

    public HomeQuery(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public HomeFigures figures() {
        UserScope scope = currentUser.require();
        int thisYear = Year.now().getValue();
        Integer latestPlanYear = db.select(max(RESPONSE_PLAN.YEAR)).from(RESPONSE_PLAN)
                .where(RESPONSE_PLAN.YEAR.le((short) thisYear)).fetchOne(0, Integer.class);
        int planYear = latestPlanYear == null ? thisYear : latestPlanYear;

        Condition proposalScope = proposalScope(scope);
        Condition subclusterScope = scope.role() == Role.SUBCLUSTER_LEAD
                ? SUBCLUSTER.SUBCLUSTER_ID.in(scope.subclusterIds()) : noCondition();
        Condition countryScope = scope.role() == Role.SUBCLUSTER_LEAD
                ? HAZARD.ISO3.in(select(SUBCLUSTER.ISO3).from(SUBCLUSTER).where(subclusterScope)) : noCondition();

        var subclusters = db.select(count(), coalesce(anyTrue(SUBCLUSTER.SYNTHETIC), false))
                .from(SUBCLUSTER).where(subclusterScope.and(SUBCLUSTER.STATUS.eq("ACTIVE"))).fetchSingle();

        var funded = select(FUNDING_FLOW.PROPOSAL_ID, sum(FUNDING_FLOW.AMOUNT_USD).as("funded"))
                .from(FUNDING_FLOW).where(FUNDING_FLOW.STATUS.in(FUNDED_STATES)).groupBy(FUNDING_FLOW.PROPOSAL_ID).asTable("f");
        var proposals = db.select(countDistinct(PROPOSAL.PROPOSAL_ID), coalesce(sum(PROPOSAL.REQUIREMENTS_USD), BigDecimal.ZERO),
                        coalesce(sum(funded.field("funded", BigDecimal.class)), BigDecimal.ZERO),
                        coalesce(anyTrue(PROPOSAL.SYNTHETIC), false))
                .from(PROPOSAL)
                .join(RESPONSE_PLAN).on(RESPONSE_PLAN.RESPONSE_PLAN_ID.eq(PROPOSAL.RESPONSE_PLAN_ID))
                .leftJoin(funded).on(funded.field(FUNDING_FLOW.PROPOSAL_ID).eq(PROPOSAL.PROPOSAL_ID))
                .where(proposalScope.and(RESPONSE_PLAN.YEAR.eq((short) planYear)).and(PROPOSAL.DELETED_AT.isNull())
                        .and(PROPOSAL.STATUS.notIn("REJECTED", "WITHDRAWN")))
                .fetchSingle();

        var hazards = db.select(count(), coalesce(sum(HAZARD.AREA_M2), BigDecimal.ZERO))
                .from(HAZARD).where(countryScope.and(HAZARD.STATUS.ne("RELEASED"))).fetchSingle();

        int casualtyYear = thisYear - 1;
        Condition casualtyScope = scope.role() == Role.SUBCLUSTER_LEAD
                ? CASUALTY.ISO3.in(select(SUBCLUSTER.ISO3).from(SUBCLUSTER).where(subclusterScope)) : noCondition();
        long casualties = db.fetchCount(CASUALTY, casualtyScope.and(CASUALTY.INCIDENT_DATE.between(
                LocalDate.of(casualtyYear, 1, 1), LocalDate.of(casualtyYear, 12, 31))));

        var apmbc = db.select(count(), max(TREATY_STATUS.AS_OF), max(TREATY.SOURCE))
                .from(TREATY_STATUS).join(TREATY).on(TREATY.TREATY_ID.eq(TREATY_STATUS.TREATY_ID))
                .where(TREATY.CODE.eq("APMBC").and(TREATY_STATUS.STATUS.in("PARTY", "WITHDRAWAL_ANNOUNCED")))
                .fetchSingle();

        return new HomeFigures(planYear, subclusters.value1(), proposals.value1(), proposals.value2(), proposals.value3(),
                hazards.value1(), hazards.value2().divide(BigDecimal.valueOf(1_000_000), 1, java.math.RoundingMode.HALF_UP),
                casualtyYear, casualties, apmbc.value1(), apmbc.value2(), apmbc.value3(),
                subclusters.value2() || proposals.value4() || anySyntheticHazard());
    }

    private boolean anySyntheticHazard() {
        return db.fetchExists(HAZARD, HAZARD.SYNTHETIC.isTrue());
    }

    /** Which proposals a user sees: all (global), their sub-clusters' (lead), their organisation's (partner); published ones otherwise. */
    public static Condition proposalScope(UserScope scope) {
        Condition published = PROPOSAL.STATUS.in(PUBLIC_STATES);
        return switch (scope.role()) {
            case ADMIN, GLOBAL_COORDINATOR -> noCondition();
            case SUBCLUSTER_LEAD -> PROPOSAL.SUBCLUSTER_ID.in(scope.subclusterIds());
            case PARTNER -> PROPOSAL.ORGANISATION_ID.eq(val(scope.organisationId()));
            case DONOR -> published;
        };
    }

    private static AggregateFunction<Boolean> anyTrue(Field<Boolean> field) {
        return DSL.boolOr(field.isTrue());
    }
}
