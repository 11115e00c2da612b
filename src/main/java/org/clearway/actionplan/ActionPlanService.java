package org.clearway.actionplan;

import static org.clearway.jooq.Tables.ACTION_PROGRESS;

import java.util.List;
import java.util.Set;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.TableExport;
import org.clearway.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Action plans, their sections and actions, and the progress states report on them. */
@Service
public class ActionPlanService {

    public static final Set<String> STATUSES = Set.of("NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "NOT_APPLICABLE", "NO_INFORMATION");

    /** One cell of the state x section matrix: how many of the section's reported actions are achieved / in progress. */
    public record Cell(String iso3, String state, String section, String sectionTitle, int reported, int achieved, int inProgress) {
        public int percentAchieved() {
            return reported == 0 ? 0 : Math.round(100f * achieved / reported);
        }
    }

    public record ActionRef(int id, int number, String section, String summary) {
    }

    public record Progress(String iso3, String state, String status, String note, String source, boolean synthetic) {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public ActionPlanService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<ActionRef> actions(String plan) {
        currentUser.require();
        return db.resultQuery("""
                SELECT a.action_id, a.action_no, coalesce(s.section_no, ''), a.summary
                FROM action a JOIN action_plan p USING (action_plan_id) LEFT JOIN action_plan_section s USING (action_plan_section_id)
                WHERE p.code = {0} ORDER BY a.action_no""", DSL.val(plan))
                .fetch(r -> new ActionRef(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, String.class), r.get(3, String.class)));
    }

    @Transactional(readOnly = true)
    public List<Cell> matrix(String plan, int year) {
        currentUser.require();
        return db.resultQuery("""
                SELECT c.iso3, c.name, coalesce(s.section_no, '-'), coalesce(s.title, '-'),
                       count(*) FILTER (WHERE ap.status NOT IN ('NOT_APPLICABLE', 'NO_INFORMATION')),
                       count(*) FILTER (WHERE ap.status = 'ACHIEVED'), count(*) FILTER (WHERE ap.status = 'IN_PROGRESS')
                FROM action_progress ap JOIN action a USING (action_id) JOIN action_plan p USING (action_plan_id)
                JOIN country c ON c.iso3 = ap.iso3 LEFT JOIN action_plan_section s USING (action_plan_section_id)
                WHERE p.code = {0} AND ap.year = {1}
                GROUP BY c.iso3, c.name, s.section_no, s.title ORDER BY c.name, s.section_no""", DSL.val(plan), DSL.val(year))
                .fetch(r -> new Cell(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Integer.class), r.get(5, Integer.class), r.get(6, Integer.class)));
    }

    @Transactional(readOnly = true)
    public List<Progress> progress(int actionId, int year) {
        currentUser.require();
        return db.resultQuery("""
                SELECT c.iso3, c.name, ap.status, ap.note, ap.source, ap.synthetic FROM action_progress ap JOIN country c ON c.iso3 = ap.iso3
                WHERE ap.action_id = {0} AND ap.year = {1} ORDER BY c.name""", DSL.val(actionId), DSL.val(year))
                .fetch(r -> new Progress(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, Boolean.class)));
    }

    /**
     * One action's progress across states for a year, for the committee's preliminary observations: CSV (formula-safe,
     * HXL row) or XLSX, translated header, status codes as recorded, demo rows marked as in the list.
     */
    @Transactional(readOnly = true)
    public TableExport.Table exportTable(int actionId, int year, java.util.function.Function<String, String> label) {
        List<String> header = List.of("ISO3", label.apply("subclusters.country"), label.apply("map.filter.year"), label.apply("map.field.status"),
                label.apply("treaties.note"), label.apply("treaties.source-column"), label.apply("common.origin"));
        List<String> hxl = List.of("#country+code", "#country+name", "#date+year", "#status", "#description", "#meta+source", "#meta+origin");
        List<List<Object>> rows = progress(actionId, year).stream().map(p -> java.util.Arrays.<Object>asList(p.iso3(), p.state(), year, p.status(),
                p.note(), p.source(), label.apply(p.synthetic() ? "demo.badge" : "common.sourced"))).toList();
        return new TableExport.Table(label.apply("action-plan.by-action"), header, hxl, rows);
    }

    public boolean canEdit() {
        return currentUser.isGlobal();
    }

    /** Records (or corrects) a state's progress on an action for a year; global roles only, audited. */
    @Transactional
    public void record(int actionId, String iso3, int year, String status, String note, String source) {
        if (!currentUser.require().isGlobal()) {
            throw new AccessRefusedException("error.access.action-plan");
        }
        if (!STATUSES.contains(status)) {
            throw new ClearwayException("error.action-plan.status", status);
        }
        if (source == null || source.isBlank()) {
            throw new ClearwayException("error.treaty.source-required");
        }
        var before = db.selectFrom(ACTION_PROGRESS).where(ACTION_PROGRESS.ACTION_ID.eq(actionId)
                .and(ACTION_PROGRESS.ISO3.eq(iso3)).and(ACTION_PROGRESS.YEAR.eq((short) year))).fetchOne();
        var after = db.insertInto(ACTION_PROGRESS).set(ACTION_PROGRESS.ACTION_ID, actionId).set(ACTION_PROGRESS.ISO3, iso3)
                .set(ACTION_PROGRESS.YEAR, (short) year).set(ACTION_PROGRESS.STATUS, status).set(ACTION_PROGRESS.NOTE, note)
                .set(ACTION_PROGRESS.SOURCE, source.strip()).set(ACTION_PROGRESS.SYNTHETIC, false)
                .onConflict(ACTION_PROGRESS.ACTION_ID, ACTION_PROGRESS.ISO3, ACTION_PROGRESS.YEAR).doUpdate()
                .set(ACTION_PROGRESS.STATUS, status).set(ACTION_PROGRESS.NOTE, note).set(ACTION_PROGRESS.SOURCE, source.strip())
                .set(ACTION_PROGRESS.SYNTHETIC, false).set(ACTION_PROGRESS.VERSION, ACTION_PROGRESS.VERSION.plus(1))
                .returning().fetchSingle();
        auditLog.record(before == null ? "INSERT" : "UPDATE", "action_progress", after.getActionProgressId(), before, after);
    }
}
