package org.clearway.appeal;

import static org.clearway.jooq.Tables.PLAN_REVIEWER;

import java.io.Serializable;
import java.util.List;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review committee of each response plan: users appointed to score and decide on its proposals, besides
 * the sub-cluster lead. Appointed by global coordinators or the lead of the plan's sub-cluster; audited.
 */
@Service
public class ReviewCommittee {

    public record Reviewer(long userId, String username, String displayName, String role, String organisation) implements Serializable {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public ReviewCommittee(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    /** Whether the current user manages the review committee of at least one plan. */
    public boolean canManage() {
        return currentUser.find().map(s -> s.isGlobal() || s.role() == Role.SUBCLUSTER_LEAD).orElse(false);
    }

    private void requireManager(long planId) {
        UserScope s = currentUser.require();
        if (s.isGlobal()) {
            return;
        }
        boolean lead = s.role() == Role.SUBCLUSTER_LEAD && db.fetchExists(db.selectOne().from("response_plan rp")
                .join("subcluster sc").on("sc.iso3 = rp.iso3")
                .where("rp.response_plan_id = ? AND sc.subcluster_id = ANY (?)", planId, s.subclusterIds().toArray(Long[]::new)));
        if (!lead) {
            throw new AccessRefusedException("error.review-committee.not-allowed");
        }
    }

    @Transactional(readOnly = true)
    public List<Reviewer> reviewers(long planId) {
        requireManager(planId);
        return db.resultQuery("""
                SELECT u.app_user_id, u.username, u.display_name, u.role, o.name FROM plan_reviewer r JOIN app_user u USING (app_user_id)
                LEFT JOIN organisation o ON o.organisation_id = u.organisation_id WHERE r.response_plan_id = {0} ORDER BY u.display_name""",
                org.jooq.impl.DSL.val(planId))
                .fetch(r -> new Reviewer(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class)));
    }

    /** Appoints a user (by user name) to a plan's review committee; donors cannot review. */
    @Transactional
    public void appoint(long planId, String username) {
        requireManager(planId);
        Record u = db.fetchOne("SELECT app_user_id, role, enabled FROM app_user WHERE username = ?",
                username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
        if (u == null || !u.get(2, Boolean.class)) {
            throw new ClearwayException("error.review-committee.user", username);
        }
        if ("DONOR".equals(u.get(1, String.class))) {
            throw new ClearwayException("error.review-committee.donor");
        }
        var r = db.insertInto(PLAN_REVIEWER).set(PLAN_REVIEWER.RESPONSE_PLAN_ID, planId).set(PLAN_REVIEWER.APP_USER_ID, u.get(0, Long.class))
                .onConflictDoNothing().returning().fetchOne();
        if (r == null) {
            throw new ClearwayException("error.review-committee.already", username);
        }
        auditLog.record("INSERT", "plan_reviewer", planId + ":" + r.getAppUserId(), null, r);
    }

    @Transactional
    public void remove(long planId, long userId) {
        requireManager(planId);
        var before = db.selectFrom(PLAN_REVIEWER).where(PLAN_REVIEWER.RESPONSE_PLAN_ID.eq(planId).and(PLAN_REVIEWER.APP_USER_ID.eq(userId))).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        before.delete();
        auditLog.record("DELETE", "plan_reviewer", planId + ":" + userId, before, null);
    }
}
