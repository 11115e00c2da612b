package org.clearway.appeal;

import static org.clearway.jooq.Tables.BUDGET_LINE;
import static org.clearway.jooq.Tables.PROPOSAL;
import static org.clearway.jooq.Tables.PROPOSAL_ACTIVITY;
import static org.clearway.jooq.Tables.PROPOSAL_LOCATION;
import static org.clearway.jooq.Tables.PROPOSAL_TRANSITION;
import static org.clearway.jooq.Tables.REVIEW;
import static org.clearway.jooq.Tables.REVIEW_SCORE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearway.appeal.Views.AreaOption;
import org.clearway.appeal.Views.Conflict;
import org.clearway.appeal.Views.Criterion;
import org.clearway.appeal.Views.Detail;
import org.clearway.appeal.Views.Option;
import org.clearway.appeal.Views.PlanOption;
import org.clearway.appeal.Views.ProposalRow;
import org.clearway.appeal.Views.ReviewView;
import org.clearway.appeal.Views.TransitionView;
import org.clearway.appeal.Workflow.Action;
import org.clearway.appeal.Workflow.Relation;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.jooq.tables.records.ProposalRecord;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals: the lists a user's scope allows, entry and revision (validated before anything is written,
 * optimistic locking on {@code version}), the vetting workflow and reviews, soft deletion, and the
 * deconfliction check. Role and scope are checked here on every call.
 */
@Service
public class ProposalService {

    public static final List<String> ACTIVITIES = List.of("SURVEY_CLEARANCE", "EORE", "VICTIM_ASSISTANCE", "CAPACITY_BUILDING",
            "ADVOCACY", "COORDINATION");

    /** Filters of the proposal list; null means any. {@code queue} is a status. */
    public record Filter(Integer year, Long planId, Long subclusterId, Long organisationId, String status, String activity,
                         String text) implements java.io.Serializable {

        public static final Filter ALL = new Filter(null, null, null, null, null, null, null);
    }

    private static final int MAX_TARGET = 50_000_000;
    private static final BigDecimal MAX_REQUIREMENTS = new BigDecimal("1000000000");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public ProposalService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * SQL condition (on alias {@code p}) for the proposals a user may see: never deleted ones; {@code null} is an
     * anonymous caller, who sees published proposals only. Other features (maps, OGC API, exports) use the same rule.
     */
    public static String visibleSql(UserScope s) {
        if (s == null) {
            return "p.deleted_at IS NULL AND p.status IN ('PUBLISHED', 'CLOSED')";
        }
        String own = switch (s.role()) {
            case ADMIN, GLOBAL_COORDINATOR -> "true";
            case SUBCLUSTER_LEAD -> "p.subcluster_id = ANY (" + idArray(s.subclusterIds()) + ")";
            case PARTNER -> "p.organisation_id = " + s.organisationId();
            case DONOR -> "false";
        };
        return "p.deleted_at IS NULL AND (" + own + " OR p.status IN ('PUBLISHED', 'CLOSED')"
                + " OR p.status <> 'DRAFT' AND p.response_plan_id IN (SELECT response_plan_id FROM plan_reviewer WHERE app_user_id = "
                + s.userId() + "))"; // appointed reviewers see a plan's proposals once submitted, never others' drafts
    }

    private static String idArray(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "ARRAY[", "]::bigint[]"))
                .replace("ARRAY[]::", "'{}'::");
    }

    @Transactional(readOnly = true)
    public List<ProposalRow> list(Filter f) {
        UserScope s = currentUser.require();
        String sql = """
                SELECT p.proposal_id, p.code, p.title, coalesce(o.acronym, o.name), cn.name, rp.code, rp.year, p.status,
                       (SELECT array_agg(activity ORDER BY activity) FROM proposal_activity a WHERE a.proposal_id = p.proposal_id),
                       p.requirements_usd, coalesce(pf.funded_usd, 0),
                       p.target_girls + p.target_boys + p.target_women + p.target_men + p.target_older_persons,
                       p.updated_at, p.synthetic
                FROM proposal p
                JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                JOIN subcluster sc ON sc.subcluster_id = p.subcluster_id
                JOIN country cn ON cn.iso3 = sc.iso3
                JOIN organisation o ON o.organisation_id = p.organisation_id
                LEFT JOIN proposal_funding pf ON pf.proposal_id = p.proposal_id
                WHERE %s
                  AND ({0}::int IS NULL OR rp.year = {0})
                  AND ({1}::bigint IS NULL OR p.response_plan_id = {1})
                  AND ({2}::bigint IS NULL OR p.subcluster_id = {2})
                  AND ({3}::bigint IS NULL OR p.organisation_id = {3})
                  AND ({4}::text IS NULL OR p.status = {4})
                  AND ({5}::text IS NULL OR EXISTS (SELECT 1 FROM proposal_activity a WHERE a.proposal_id = p.proposal_id AND a.activity = {5}))
                  AND ({6}::text IS NULL OR p.code ILIKE '%%' || {6} || '%%' OR p.title ILIKE '%%' || {6} || '%%')
                ORDER BY p.updated_at DESC, p.proposal_id DESC
                LIMIT 5000
                """.formatted(visibleSql(s));
        String text = f.text() == null || f.text().isBlank() ? null : f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return db.resultQuery(sql, DSL.val(f.year()), DSL.val(f.planId()), DSL.val(f.subclusterId()), DSL.val(f.organisationId()),
                DSL.val(f.status()), DSL.val(f.activity()), DSL.val(text)).fetch(r -> new ProposalRow(
                r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, String.class), r.get(6, Integer.class), r.get(7, String.class), activities(r.get(8)),
                r.get(9, BigDecimal.class), r.get(10, BigDecimal.class), r.get(11, Integer.class), r.get(12, OffsetDateTime.class),
                r.get(13, Boolean.class)));
    }

    private static List<String> activities(Object array) {
        return array == null ? List.of() : Arrays.stream((Object[]) array).map(String::valueOf).toList();
    }

    @Transactional(readOnly = true)
    public Detail get(long id) {
        UserScope s = currentUser.require();
        Record p = db.fetchOne("""
                SELECT p.proposal_id, p.version, p.code, p.title, p.description, rp.response_plan_id, rp.code, rp.name, rp.year, rp.iso3,
                       sc.subcluster_id, (SELECT name FROM country WHERE iso3 = sc.iso3) || ' — ' || sc.name, o.organisation_id, o.name,
                       p.status, p.requirements_usd,
                       coalesce(pf.funded_usd, 0),
                       (SELECT coalesce(sum(amount_usd), 0) FROM funding_flow f WHERE f.proposal_id = p.proposal_id AND f.status = 'PLEDGE'),
                       p.target_girls, p.target_boys, p.target_women, p.target_men, p.target_older_persons, p.target_pwd, p.gam_code,
                       p.start_date, p.end_date, p.geom IS NOT NULL, ST_XMin(p.footprint), ST_YMin(p.footprint), ST_XMax(p.footprint),
                       ST_YMax(p.footprint), p.synthetic, p.deleted_at IS NOT NULL
                FROM proposal p
                JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                JOIN subcluster sc ON sc.subcluster_id = p.subcluster_id
                JOIN organisation o ON o.organisation_id = p.organisation_id
                LEFT JOIN proposal_funding pf ON pf.proposal_id = p.proposal_id
                WHERE p.proposal_id = ? AND %s""".formatted(visibleSql(s)), id);
        if (p == null) {
            throw new ClearwayException("error.not-found");
        }
        String status = p.get(14, String.class);
        ProposalRecord record = db.selectFrom(PROPOSAL).where(PROPOSAL.PROPOSAL_ID.eq(id)).fetchOne();
        Relation rel = relation(s, record);
        double[] extent = p.get(28) == null ? null
                : new double[] {p.get(28, Double.class), p.get(29, Double.class), p.get(30, Double.class), p.get(31, Double.class)};
        return new Detail(id, p.get(1, Long.class), p.get(2, String.class), p.get(3, String.class), p.get(4, String.class),
                p.get(5, Long.class), p.get(6, String.class), p.get(7, String.class), p.get(8, Integer.class), p.get(9, String.class),
                p.get(10, Long.class), p.get(11, String.class), p.get(12, Long.class), p.get(13, String.class), status,
                db.select(PROPOSAL_ACTIVITY.ACTIVITY).from(PROPOSAL_ACTIVITY).where(PROPOSAL_ACTIVITY.PROPOSAL_ID.eq(id))
                        .orderBy(PROPOSAL_ACTIVITY.ACTIVITY).fetch(PROPOSAL_ACTIVITY.ACTIVITY),
                p.get(15, BigDecimal.class), p.get(16, BigDecimal.class), p.get(17, BigDecimal.class),
                db.selectFrom(BUDGET_LINE).where(BUDGET_LINE.PROPOSAL_ID.eq(id)).orderBy(BUDGET_LINE.POSITION)
                        .fetch(b -> new ProposalInput.BudgetLine(b.getDescription(), b.getAmountUsd())),
                p.get(18, Integer.class), p.get(19, Integer.class), p.get(20, Integer.class), p.get(21, Integer.class),
                p.get(22, Integer.class), p.get(23, Integer.class), p.get(24, Integer.class), p.get(25, java.time.LocalDate.class),
                p.get(26, java.time.LocalDate.class), locations(id), p.get(27, Boolean.class), extent, p.get(32, Boolean.class),
                p.get(33, Boolean.class), reviews(id), timeline(id), flows(id),
                Workflow.available(status, rel), rel.owner() && Workflow.EDITABLE.contains(status), deletable(s, record, rel),
                rel.reviewer());
    }

    /** The proposal as form input, for revising it. */
    @Transactional(readOnly = true)
    public ProposalInput input(long id) {
        Detail d = get(id);
        ProposalRecord r = db.selectFrom(PROPOSAL).where(PROPOSAL.PROPOSAL_ID.eq(id)).fetchOne();
        ProposalInput in = new ProposalInput();
        in.setResponsePlanId(d.planId());
        in.setOrganisationId(d.organisationId());
        in.setTitle(d.title());
        in.setDescription(d.description());
        in.setActivities(new java.util.LinkedHashSet<>(d.activities()));
        in.setRequirementsUsd(d.requirementsUsd());
        in.setBudgetLines(d.budget());
        in.setGirls(d.girls());
        in.setBoys(d.boys());
        in.setWomen(d.women());
        in.setMen(d.men());
        in.setOlderPersons(d.olderPersons());
        in.setPersonsWithDisabilities(d.personsWithDisabilities());
        in.setGamCode(d.gamCode());
        in.setStartDate(d.startDate());
        in.setEndDate(d.endDate());
        in.setAdminAreaIds(d.locations().stream().map(AreaOption::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        in.setPolygon(r.getGeom());
        in.setVersion(d.version());
        return in;
    }

    private List<AreaOption> locations(long id) {
        return db.resultQuery("""
                SELECT a.admin_area_id, a.pcode, a.name FROM proposal_location l JOIN admin_area a USING (admin_area_id)
                WHERE l.proposal_id = {0} ORDER BY a.name""", DSL.val(id))
                .fetch(r -> new AreaOption(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)));
    }

    private List<ReviewView> reviews(long id) {
        Map<Long, Map<String, Integer>> scores = new LinkedHashMap<>();
        db.resultQuery("""
                SELECT s.review_id, c.code, s.score FROM review_score s JOIN review r USING (review_id)
                JOIN review_criterion c USING (review_criterion_id) WHERE r.proposal_id = {0} ORDER BY c.review_criterion_id""",
                DSL.val(id)).forEach(r -> scores.computeIfAbsent(r.get(0, Long.class), k -> new LinkedHashMap<>())
                .put(r.get(1, String.class), r.get(2, Integer.class)));
        return db.resultQuery("""
                SELECT r.review_id, u.display_name, r.round, r.decision, r.comment, r.created_at
                FROM review r JOIN app_user u ON u.app_user_id = r.reviewer_id WHERE r.proposal_id = {0}
                ORDER BY r.round DESC, r.created_at DESC""", DSL.val(id))
                .fetch(r -> new ReviewView(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, OffsetDateTime.class), scores.getOrDefault(r.get(0, Long.class), Map.of())));
    }

    private List<TransitionView> timeline(long id) {
        return db.resultQuery("""
                SELECT t.from_status, t.to_status, coalesce(u.display_name, 'system'), t.comment, t.occurred_at
                FROM proposal_transition t LEFT JOIN app_user u ON u.app_user_id = t.actor_id
                WHERE t.proposal_id = {0} ORDER BY t.occurred_at, t.proposal_transition_id""", DSL.val(id))
                .fetch(r -> new TransitionView(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, OffsetDateTime.class)));
    }

    private List<Views.FlowView> flows(long id) {
        return db.resultQuery(FundingService.FLOW_SQL + " WHERE f.proposal_id = {0} ORDER BY f.flow_date, f.funding_flow_id", DSL.val(id))
                .fetch(FundingService::flow);
    }

    /** Response plans of the sub-clusters: all for partners and global roles, their own for leads (who manage their review committees). */
    @Transactional(readOnly = true)
    public List<PlanOption> plansForEntry() {
        UserScope s = currentUser.require();
        if (!canCreate(s) && s.role() != Role.SUBCLUSTER_LEAD) {
            return List.of();
        }
        String scope = s.role() == Role.SUBCLUSTER_LEAD ? "sc.subcluster_id = ANY (" + idArray(s.subclusterIds()) + ")" : "true";
        return db.resultQuery("""
                SELECT DISTINCT ON (rp.response_plan_id) rp.response_plan_id, rp.code, rp.name, rp.year, rp.iso3, sc.subcluster_id, sc.name
                FROM response_plan rp JOIN subcluster sc ON sc.iso3 = rp.iso3
                WHERE %s ORDER BY rp.response_plan_id, sc.subcluster_id""".formatted(scope))
                .fetch(r -> new PlanOption(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class),
                        r.get(4, String.class), r.get(5, Long.class), r.get(6, String.class)))
                .stream().sorted(java.util.Comparator.comparing(PlanOption::year).reversed().thenComparing(PlanOption::name)).toList();
    }

    @Transactional(readOnly = true)
    public List<AreaOption> areasOfPlan(long planId) {
        currentUser.require();
        return db.resultQuery("""
                SELECT a.admin_area_id, a.pcode, a.name FROM admin_area a JOIN response_plan rp ON rp.iso3 = a.iso3
                WHERE rp.response_plan_id = {0} AND a.level = 1 ORDER BY a.name""", DSL.val(planId))
                .fetch(r -> new AreaOption(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)));
    }

    /** The lon/lat extent of a country's admin areas, to frame the location map. */
    @Transactional(readOnly = true)
    public java.util.Optional<double[]> extentOfCountry(String iso3) {
        Record r = db.fetchOne("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM admin_area WHERE iso3 = ?) x",
                iso3);
        return r == null || r.get(0) == null ? java.util.Optional.empty()
                : java.util.Optional.of(new double[] {r.get(0, Double.class), r.get(1, Double.class), r.get(2, Double.class), r.get(3, Double.class)});
    }

    /** Organisations the user may enter proposals for: their own for partners, any implementing one otherwise. */
    @Transactional(readOnly = true)
    public List<Option> organisationsForEntry() {
        UserScope s = currentUser.require();
        if (s.role() == Role.PARTNER) {
            return db.resultQuery("SELECT organisation_id, name FROM organisation WHERE organisation_id = {0}", DSL.val(s.organisationId()))
                    .fetch(r -> new Option(r.get(0, Long.class), r.get(1, String.class)));
        }
        return organisations();
    }

    @Transactional(readOnly = true)
    public List<Option> organisations() {
        currentUser.require();
        return db.resultQuery("SELECT organisation_id, name || coalesce(' (' || acronym || ')', '') FROM organisation ORDER BY name")
                .fetch(r -> new Option(r.get(0, Long.class), r.get(1, String.class)));
    }

    @Transactional(readOnly = true)
    public List<Option> subclusters() {
        currentUser.require();
        return db.resultQuery("SELECT s.subcluster_id, c.name FROM subcluster s JOIN country c USING (iso3) ORDER BY c.name, s.subcluster_id")
                .fetch(r -> new Option(r.get(0, Long.class), r.get(1, String.class)));
    }

    /** The criteria a proposal is scored against: its sub-cluster's own, or the global defaults when it has none. */
    @Transactional(readOnly = true)
    public List<Criterion> criteria(long proposalId) {
        currentUser.require();
        return db.resultQuery("""
                WITH own AS (SELECT c.* FROM review_criterion c JOIN proposal p ON p.subcluster_id = c.subcluster_id WHERE p.proposal_id = {0})
                SELECT review_criterion_id, code, max_score FROM own
                UNION ALL
                SELECT review_criterion_id, code, max_score FROM review_criterion WHERE subcluster_id IS NULL AND NOT EXISTS (SELECT 1 FROM own)
                ORDER BY 1""", DSL.val(proposalId))
                .fetch(r -> new Criterion(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class)));
    }

    public boolean canCreate() {
        return currentUser.find().map(ProposalService::canCreate).orElse(false);
    }

    /** Partners enter their organisation's proposals; global coordinators may enter one for any organisation. Leads vet. */
    private static boolean canCreate(UserScope s) {
        return s.role() == Role.PARTNER || s.isGlobal();
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /** Creates a draft; returns its id. The code follows the plan's pattern: {@code <plan>-PRO-MIN-<number>}. */
    @Transactional
    public long create(ProposalInput in) {
        UserScope s = currentUser.require();
        if (!canCreate(s)) {
            throw new AccessRefusedException("error.proposal.not-allowed");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanOption plan = in.getResponsePlanId() == null ? null : plansForEntry().stream()
                .filter(p -> p.id() == in.getResponsePlanId()).findFirst().orElse(null);
        if (plan == null) {
            errors.add(new FieldError("plan", "error.proposal.plan"));
        }
        if (in.getOrganisationId() == null || organisationsForEntry().stream().noneMatch(o -> o.id() == in.getOrganisationId())) {
            errors.add(new FieldError("organisation", "error.proposal.organisation"));
        }
        Geometry polygon = validate(in, plan == null ? null : plan.iso3(), errors);
        if (!errors.isEmpty()) {
            throw new ProposalValidationException(errors);
        }
        long number = db.fetchOne("SELECT nextval('proposal_code_seq')").get(0, Long.class);
        ProposalRecord r = db.newRecord(PROPOSAL);
        r.setResponsePlanId(plan.id());
        r.setSubclusterId(plan.subclusterId());
        r.setOrganisationId(in.getOrganisationId());
        r.setCode(plan.code() + "-PRO-MIN-" + number);
        r.setStatus("DRAFT");
        copy(in, polygon, r);
        r.store();
        long id = r.getProposalId();
        writeChildren(id, in);
        db.insertInto(PROPOSAL_TRANSITION).set(PROPOSAL_TRANSITION.PROPOSAL_ID, id).set(PROPOSAL_TRANSITION.TO_STATUS, "DRAFT")
                .set(PROPOSAL_TRANSITION.ACTOR_ID, actor(s)).execute();
        auditLog.record("INSERT", "proposal", id, null, reload(id));
        return id;
    }

    /** Saves a revision; refused when someone else saved since {@code in.version} (the caller keeps the input). */
    @Transactional
    public void update(long id, ProposalInput in) {
        UserScope s = currentUser.require();
        ProposalRecord before = load(id);
        Relation rel = relation(s, before);
        if (!rel.owner()) {
            throw new AccessRefusedException("error.proposal.not-allowed");
        }
        if (!Workflow.EDITABLE.contains(before.getStatus()) || before.getDeletedAt() != null) {
            throw new ClearwayException("error.proposal.not-editable", before.getStatus());
        }
        if (before.getVersion() != in.getVersion()) {
            throw new ConcurrentEditException("proposal");
        }
        List<FieldError> errors = new ArrayList<>();
        String iso3 = planCountry(before.getResponsePlanId());
        Geometry polygon = validate(in, iso3, errors);
        if (!errors.isEmpty()) {
            throw new ProposalValidationException(errors);
        }
        ProposalRecord r = before.copy();
        r.setProposalId(id);
        copy(in, polygon, r);
        int updated = db.update(PROPOSAL).set(r.into(PROPOSAL.TITLE, PROPOSAL.DESCRIPTION, PROPOSAL.REQUIREMENTS_USD, PROPOSAL.GAM_CODE,
                        PROPOSAL.TARGET_GIRLS, PROPOSAL.TARGET_BOYS, PROPOSAL.TARGET_WOMEN, PROPOSAL.TARGET_MEN, PROPOSAL.TARGET_OLDER_PERSONS,
                        PROPOSAL.TARGET_PWD, PROPOSAL.START_DATE, PROPOSAL.END_DATE, PROPOSAL.GEOM))
                .set(PROPOSAL.VERSION, PROPOSAL.VERSION.plus(1)).set(PROPOSAL.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(PROPOSAL.PROPOSAL_ID.eq(id).and(PROPOSAL.VERSION.eq(in.getVersion()))).execute();
        if (updated == 0) {
            throw new ConcurrentEditException("proposal");
        }
        db.deleteFrom(PROPOSAL_ACTIVITY).where(PROPOSAL_ACTIVITY.PROPOSAL_ID.eq(id)).execute();
        db.deleteFrom(PROPOSAL_LOCATION).where(PROPOSAL_LOCATION.PROPOSAL_ID.eq(id)).execute();
        db.deleteFrom(BUDGET_LINE).where(BUDGET_LINE.PROPOSAL_ID.eq(id)).execute();
        writeChildren(id, in);
        auditLog.record("UPDATE", "proposal", id, before, reload(id));
    }

    private static void copy(ProposalInput in, Geometry polygon, ProposalRecord r) {
        r.setTitle(in.getTitle().strip());
        r.setDescription(in.getDescription() == null || in.getDescription().isBlank() ? null : in.getDescription().strip());
        r.setRequirementsUsd(in.getRequirementsUsd());
        r.setGamCode(in.getGamCode() == null ? null : in.getGamCode().shortValue());
        r.setTargetGirls(in.getGirls());
        r.setTargetBoys(in.getBoys());
        r.setTargetWomen(in.getWomen());
        r.setTargetMen(in.getMen());
        r.setTargetOlderPersons(in.getOlderPersons());
        r.setTargetPwd(in.getPersonsWithDisabilities());
        r.setStartDate(in.getStartDate());
        r.setEndDate(in.getEndDate());
        r.setGeom(polygon);
    }

    private void writeChildren(long id, ProposalInput in) {
        for (String a : in.getActivities()) {
            db.insertInto(PROPOSAL_ACTIVITY).set(PROPOSAL_ACTIVITY.PROPOSAL_ID, id).set(PROPOSAL_ACTIVITY.ACTIVITY, a).execute();
        }
        if (!in.getAdminAreaIds().isEmpty()) {
            var insert = db.insertInto(PROPOSAL_LOCATION, PROPOSAL_LOCATION.PROPOSAL_ID, PROPOSAL_LOCATION.ADMIN_AREA_ID);
            for (Long area : in.getAdminAreaIds()) {
                insert = insert.values(id, area);
            }
            insert.execute(); // one statement: the footprint trigger runs once
        }
        short pos = 1;
        for (ProposalInput.BudgetLine line : in.getBudgetLines()) {
            db.insertInto(BUDGET_LINE).set(BUDGET_LINE.PROPOSAL_ID, id).set(BUDGET_LINE.POSITION, pos++)
                    .set(BUDGET_LINE.DESCRIPTION, line.getDescription().strip()).set(BUDGET_LINE.AMOUNT_USD, line.getAmountUsd()).execute();
        }
    }

    /** Checks the whole input; adds every problem to {@code errors}; returns the polygon as a valid MultiPolygon (or null). */
    Geometry validate(ProposalInput in, String iso3, List<FieldError> errors) {
        String title = in.getTitle() == null ? "" : in.getTitle().strip();
        if (title.length() < 3 || title.length() > 300) {
            errors.add(new FieldError("title", "error.proposal.title"));
        }
        if (in.getDescription() != null && in.getDescription().length() > 10_000) {
            errors.add(new FieldError("description", "error.proposal.description"));
        }
        if (in.getActivities().isEmpty()) {
            errors.add(new FieldError("activities", "error.proposal.activities"));
        } else if (!ACTIVITIES.containsAll(in.getActivities())) {
            errors.add(new FieldError("activities", "error.proposal.activity-unknown"));
        }
        BigDecimal req = in.getRequirementsUsd();
        if (req == null || req.signum() <= 0 || req.compareTo(MAX_REQUIREMENTS) > 0 || req.scale() > 2 && req.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("requirements", "error.proposal.requirements"));
        }
        if (in.getBudgetLines().isEmpty()) {
            errors.add(new FieldError("budget", "error.proposal.budget-empty"));
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            int line = 1;
            for (ProposalInput.BudgetLine b : in.getBudgetLines()) {
                if (b.getDescription() == null || b.getDescription().isBlank() || b.getDescription().length() > 500) {
                    errors.add(new FieldError("budget", "error.proposal.budget-description", String.valueOf(line)));
                }
                if (b.getAmountUsd() == null || b.getAmountUsd().signum() < 0) {
                    errors.add(new FieldError("budget", "error.proposal.budget-amount", String.valueOf(line)));
                } else {
                    sum = sum.add(b.getAmountUsd());
                }
                line++;
            }
            if (req != null && sum.compareTo(req) != 0) {
                errors.add(new FieldError("budget", "error.proposal.budget-sum", sum.toPlainString(), req.toPlainString()));
            }
        }
        Integer[] targets = {in.getGirls(), in.getBoys(), in.getWomen(), in.getMen(), in.getOlderPersons(), in.getPersonsWithDisabilities()};
        if (Arrays.stream(targets).anyMatch(t -> t == null || t < 0 || t > MAX_TARGET)) {
            errors.add(new FieldError("targets", "error.proposal.targets"));
        } else if (in.getGirls() + in.getBoys() + in.getWomen() + in.getMen() + in.getOlderPersons() == 0) {
            errors.add(new FieldError("targets", "error.proposal.targets-none"));
        } else if (in.getPersonsWithDisabilities() > in.getGirls() + in.getBoys() + in.getWomen() + in.getMen() + in.getOlderPersons()) {
            errors.add(new FieldError("targets", "error.proposal.targets-pwd"));
        }
        if (in.getGamCode() != null && (in.getGamCode() < 0 || in.getGamCode() > 4)) {
            errors.add(new FieldError("gam", "error.proposal.gam"));
        }
        if (in.getStartDate() == null || in.getEndDate() == null) {
            errors.add(new FieldError("dates", "error.proposal.dates"));
        } else if (in.getEndDate().isBefore(in.getStartDate())) {
            errors.add(new FieldError("dates", "error.proposal.dates-order"));
        }
        Geometry polygon = polygon(in.getPolygon(), iso3, errors);
        if (in.getAdminAreaIds().isEmpty() && polygon == null && errors.stream().noneMatch(e -> e.field().equals("polygon"))) {
            errors.add(new FieldError("locations", "error.proposal.locations"));
        }
        if (!in.getAdminAreaIds().isEmpty() && iso3 != null) {
            int inCountry = db.fetchCount(DSL.selectOne().from("admin_area").where("admin_area_id = ANY (?) AND iso3 = ?",
                    in.getAdminAreaIds().toArray(Long[]::new), iso3));
            if (inCountry != in.getAdminAreaIds().size()) {
                errors.add(new FieldError("locations", "error.proposal.locations-country"));
            }
        }
        return polygon;
    }

    private Geometry polygon(Geometry g, String iso3, List<FieldError> errors) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            errors.add(new FieldError("polygon", "error.proposal.polygon-type", g.getGeometryType()));
            return null;
        }
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            errors.add(new FieldError("polygon", "error.proposal.polygon-range"));
            return null;
        }
        if (g.getNumPoints() > 100_000) {
            errors.add(new FieldError("polygon", "error.proposal.polygon-size"));
            return null;
        }
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            var e = valid.getValidationError();
            errors.add(new FieldError("polygon", "error.proposal.polygon-invalid", e.getMessage(),
                    String.format(java.util.Locale.ROOT, "%.5f %.5f", e.getCoordinate().x, e.getCoordinate().y)));
            return null;
        }
        Geometry multi = g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p}) : g.copy();
        multi.setSRID(4326);
        if (iso3 != null && !Boolean.TRUE.equals(db.fetchOne(
                "SELECT bool_or(ST_Intersects(geom, ST_GeomFromText(?, 4326))) FROM admin_area WHERE iso3 = ? AND level IN (0, 1)", multi.toText(), iso3).get(0, Boolean.class))) {
            errors.add(new FieldError("polygon", "error.proposal.polygon-outside", iso3));
            return null;
        }
        return multi;
    }

    // ---------------------------------------------------------------------------------------------------- workflow

    /** Takes a workflow action that needs no review (submit, start review, publish, close, withdraw). */
    @Transactional
    public void act(long id, long expectedVersion, Action action, String comment) {
        if (action.isDecision()) {
            throw new IllegalArgumentException("decisions are taken with review()");
        }
        UserScope s = currentUser.require();
        ProposalRecord before = load(id);
        check(action, before, relation(s, before));
        if (action == Action.SUBMIT) {
            List<FieldError> errors = new ArrayList<>();
            ProposalInput stored = input(id);
            String iso3 = planCountry(before.getResponsePlanId());
            validate(stored, iso3, errors);
            if (!errors.isEmpty()) {
                throw new ProposalValidationException(errors);
            }
        }
        move(s, before, expectedVersion, action, comment);
    }

    /**
     * A reviewer's review of the current round: scores against the sub-cluster's criteria, a comment and optionally
     * a decision (approve, request revision, reject), which moves the proposal. Scoring again in the same round
     * replaces the reviewer's earlier scores.
     */
    @Transactional
    public void review(long id, long expectedVersion, Action decision, Map<Long, Integer> scores, String comment) {
        UserScope s = currentUser.require();
        ProposalRecord before = load(id);
        Relation rel = relation(s, before);
        if (!rel.reviewer()) {
            throw new AccessRefusedException("error.proposal.not-allowed");
        }
        if (decision != null) {
            if (!decision.isDecision()) {
                throw new IllegalArgumentException(decision + " is not a decision");
            }
            check(decision, before, rel);
        } else if (!"UNDER_REVIEW".equals(before.getStatus())) {
            throw new ClearwayException("error.proposal.not-under-review");
        }
        String text = comment == null ? "" : comment.strip();
        if ((decision == Action.REQUEST_REVISION || decision == Action.REJECT) && text.isEmpty()) {
            throw new ClearwayException("error.review.comment-required");
        }
        if (text.length() > 10_000) {
            throw new ClearwayException("error.review.comment-long");
        }
        List<Criterion> criteria = criteria(id);
        for (Criterion c : criteria) {
            Integer score = scores.get(c.id());
            if (score == null) {
                throw new ClearwayException("error.review.score-missing", c.code());
            }
            if (score < 0 || score > c.maxScore()) {
                throw new ClearwayException("error.review.score-range", c.code(), String.valueOf(c.maxScore()));
            }
        }
        if (!criteria.stream().map(Criterion::id).collect(Collectors.toSet()).containsAll(scores.keySet())) {
            throw new ClearwayException("error.review.score-unknown");
        }
        short round = db.fetchOne("SELECT greatest(1, count(*))::smallint FROM proposal_transition WHERE proposal_id = ? AND to_status = 'SUBMITTED'",
                id).get(0, Short.class);
        var review = db.insertInto(REVIEW).set(REVIEW.PROPOSAL_ID, id).set(REVIEW.REVIEWER_ID, s.userId()).set(REVIEW.ROUND, round)
                .set(REVIEW.DECISION, decision == null ? null : decision.name()).set(REVIEW.COMMENT, text.isEmpty() ? null : text)
                .onConflict(REVIEW.PROPOSAL_ID, REVIEW.REVIEWER_ID, REVIEW.ROUND).doUpdate()
                .set(REVIEW.DECISION, decision == null ? null : decision.name()).set(REVIEW.COMMENT, text.isEmpty() ? null : text)
                .set(REVIEW.CREATED_AT, DSL.currentOffsetDateTime())
                .returning().fetchOne();
        db.deleteFrom(REVIEW_SCORE).where(REVIEW_SCORE.REVIEW_ID.eq(review.getReviewId())).execute();
        scores.forEach((criterion, score) -> db.insertInto(REVIEW_SCORE).set(REVIEW_SCORE.REVIEW_ID, review.getReviewId())
                .set(REVIEW_SCORE.REVIEW_CRITERION_ID, criterion).set(REVIEW_SCORE.SCORE, score.shortValue()).execute());
        auditLog.record("UPSERT", "review", review.getReviewId(), null, review);
        if (decision != null) {
            move(s, before, expectedVersion, decision, text.isEmpty() ? null : text);
        } else if (before.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("proposal");
        }
    }

    /**
     * Deletes a proposal: a draft that was never submitted (and has no funding) is removed; anything that has
     * been submitted is only marked deleted, and keeps its reviews, timeline and funding.
     */
    @Transactional
    public void delete(long id, long expectedVersion) {
        UserScope s = currentUser.require();
        ProposalRecord before = load(id);
        if (before.getDeletedAt() != null) {
            throw new ClearwayException("error.not-found");
        }
        if (!deletable(s, before, relation(s, before))) {
            throw new ClearwayException("error.proposal.not-deletable", before.getStatus());
        }
        if (before.getVersion() != expectedVersion) {
            throw new ConcurrentEditException("proposal");
        }
        boolean everSubmitted = db.fetchExists(DSL.selectOne().from(PROPOSAL_TRANSITION)
                .where(PROPOSAL_TRANSITION.PROPOSAL_ID.eq(id).and(PROPOSAL_TRANSITION.TO_STATUS.ne("DRAFT"))));
        boolean funded = db.fetchExists(DSL.selectOne().from("funding_flow").where("proposal_id = ?", id));
        if (!everSubmitted && !funded && "DRAFT".equals(before.getStatus())) {
            db.deleteFrom(PROPOSAL_TRANSITION).where(PROPOSAL_TRANSITION.PROPOSAL_ID.eq(id)).execute();
            if (db.deleteFrom(PROPOSAL).where(PROPOSAL.PROPOSAL_ID.eq(id).and(PROPOSAL.VERSION.eq(expectedVersion))
                    .and(PROPOSAL.STATUS.eq("DRAFT"))).execute() == 0) {
                throw new ConcurrentEditException("proposal"); // rolls the transitions' deletion back too
            }
            auditLog.record("DELETE", "proposal", id, before, null);
            return;
        }
        int updated = db.update(PROPOSAL).set(PROPOSAL.DELETED_AT, DSL.currentOffsetDateTime()).set(PROPOSAL.VERSION, PROPOSAL.VERSION.plus(1))
                .where(PROPOSAL.PROPOSAL_ID.eq(id).and(PROPOSAL.VERSION.eq(expectedVersion))).execute();
        if (updated == 0) {
            throw new ConcurrentEditException("proposal");
        }
        db.insertInto(PROPOSAL_TRANSITION).set(PROPOSAL_TRANSITION.PROPOSAL_ID, id).set(PROPOSAL_TRANSITION.FROM_STATUS, before.getStatus())
                .set(PROPOSAL_TRANSITION.TO_STATUS, "DELETED").set(PROPOSAL_TRANSITION.ACTOR_ID, actor(s)).execute();
        auditLog.record("SOFT_DELETE", "proposal", id, before, reload(id));
    }

    private boolean deletable(UserScope s, ProposalRecord p, Relation rel) {
        if (p.getDeletedAt() != null) {
            return false;
        }
        return s.isGlobal() || rel.owner() && Set.of("DRAFT", "REVISION_REQUESTED", "WITHDRAWN", "REJECTED").contains(p.getStatus());
    }

    private void move(UserScope s, ProposalRecord before, long expectedVersion, Action action, String comment) {
        long id = before.getProposalId();
        int updated = db.update(PROPOSAL).set(PROPOSAL.STATUS, action.to()).set(PROPOSAL.VERSION, PROPOSAL.VERSION.plus(1))
                .set(PROPOSAL.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(PROPOSAL.PROPOSAL_ID.eq(id).and(PROPOSAL.VERSION.eq(expectedVersion)).and(PROPOSAL.STATUS.eq(before.getStatus())))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("proposal");
        }
        db.insertInto(PROPOSAL_TRANSITION).set(PROPOSAL_TRANSITION.PROPOSAL_ID, id).set(PROPOSAL_TRANSITION.FROM_STATUS, before.getStatus())
                .set(PROPOSAL_TRANSITION.TO_STATUS, action.to()).set(PROPOSAL_TRANSITION.ACTOR_ID, actor(s))
                .set(PROPOSAL_TRANSITION.COMMENT, comment == null || comment.isBlank() ? null : comment.strip()).execute();
        auditLog.record("TRANSITION " + action.name(), "proposal", id, before, reload(id));
    }

    private static void check(Action action, ProposalRecord p, Relation rel) {
        if (p.getDeletedAt() != null) {
            throw new ClearwayException("error.not-found");
        }
        String refusal = Workflow.refusal(action, p.getStatus(), rel);
        if (refusal != null) {
            throw "error.proposal.not-allowed".equals(refusal) ? new AccessRefusedException("error.proposal.not-allowed")
                    : new ClearwayException(refusal, p.getStatus(), action.to());
        }
    }

    /** Who the user is to this proposal. Reviewers never review their own organisation's proposals. */
    Relation relation(UserScope s, ProposalRecord p) {
        boolean global = s.isGlobal();
        boolean ownOrg = s.organisationId() != null && s.organisationId().equals(p.getOrganisationId());
        boolean owner = global || s.role() == Role.PARTNER && ownOrg;
        boolean lead = s.role() == Role.SUBCLUSTER_LEAD && s.subclusterIds().contains(p.getSubclusterId());
        boolean appointed = db.fetchExists(DSL.selectOne().from("plan_reviewer")
                .where("response_plan_id = ? AND app_user_id = ?", p.getResponsePlanId(), s.userId()));
        boolean reviewer = global || (lead || appointed) && !(ownOrg && s.role() == Role.PARTNER);
        boolean manager = global || lead;
        return new Relation(owner, reviewer && s.role() != Role.DONOR, manager);
    }

    private ProposalRecord load(long id) {
        UserScope s = currentUser.require();
        ProposalRecord r = db.selectFrom(PROPOSAL).where(PROPOSAL.PROPOSAL_ID.eq(id)).fetchOne();
        boolean visible = r != null && db.fetchExists(DSL.selectOne().from("proposal p")
                .where("p.proposal_id = ? AND " + visibleSql(s), id));
        if (!visible) {
            throw new ClearwayException("error.not-found");
        }
        return r;
    }

    private String planCountry(long planId) {
        return db.fetchOne("SELECT iso3 FROM response_plan WHERE response_plan_id = ?", planId).get(0, String.class);
    }

    private ProposalRecord reload(long id) {
        return db.selectFrom(PROPOSAL).where(PROPOSAL.PROPOSAL_ID.eq(id)).fetchOne();
    }

    private static Long actor(UserScope s) {
        return s.userId() == 0 ? null : s.userId();
    }

    // ---------------------------------------------------------------------------------------------------- deconfliction

    /**
     * Other organisations' proposals in the same plan, past the draft stage and not rejected or withdrawn,
     * sharing an activity with this one, whose locations overlap it (area on the spheroid, km²), with the
     * admin areas where they overlap (to highlight on the map).
     */
    @Transactional(readOnly = true)
    public List<Conflict> conflicts(long id) {
        load(id);
        return db.resultQuery("""
                WITH me AS (SELECT * FROM proposal WHERE proposal_id = {0}),
                other AS (
                    SELECT q.proposal_id, q.code, coalesce(o.acronym, o.name) AS org,
                           (SELECT array_agg(a.activity ORDER BY a.activity) FROM proposal_activity a JOIN proposal_activity b
                              ON b.activity = a.activity AND b.proposal_id = me.proposal_id WHERE a.proposal_id = q.proposal_id) AS shared,
                           ST_Intersection(q.footprint, me.footprint) AS overlap
                    FROM me JOIN proposal q ON q.response_plan_id = me.response_plan_id AND q.organisation_id <> me.organisation_id
                         AND q.deleted_at IS NULL AND q.status NOT IN ('DRAFT', 'REJECTED', 'WITHDRAWN')
                         AND q.footprint && me.footprint AND ST_Intersects(q.footprint, me.footprint)
                         JOIN organisation o ON o.organisation_id = q.organisation_id
                )
                SELECT o.proposal_id, o.code, o.org, o.shared,
                       round((ST_Area(o.overlap::geography) / 1e6)::numeric, 2) AS km2,
                       (SELECT array_agg(a.admin_area_id ORDER BY a.name) FROM admin_area a
                         WHERE a.level = 1 AND a.geom && o.overlap AND ST_Area(ST_Intersection(a.geom, o.overlap)) > 0),
                       (SELECT array_agg(a.name ORDER BY a.name) FROM admin_area a
                         WHERE a.level = 1 AND a.geom && o.overlap AND ST_Area(ST_Intersection(a.geom, o.overlap)) > 0)
                FROM other o
                WHERE o.shared IS NOT NULL AND ST_Area(o.overlap) > 0
                ORDER BY km2 DESC, o.code""", DSL.val(id))
                .fetch(r -> new Conflict(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), activities(r.get(3)),
                        r.get(4, BigDecimal.class),
                        r.get(5) == null ? List.of() : Arrays.stream((Object[]) r.get(5)).map(x -> ((Number) x).longValue()).toList(),
                        activities(r.get(6))));
    }
}
