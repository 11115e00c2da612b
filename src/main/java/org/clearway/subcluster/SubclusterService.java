package org.clearway.subcluster;

import static org.clearway.jooq.Tables.COUNTRY;
import static org.clearway.jooq.Tables.ORGANISATION;
import static org.clearway.jooq.Tables.SUBCLUSTER;

import java.util.List;
import java.util.Optional;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.jooq.tables.Organisation;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Field sub-clusters: everybody signed in may read them; global roles and a sub-cluster's own lead may change them. */
@Service
public class SubclusterService {

    private static final Organisation LEAD = ORGANISATION.as("lead");
    private static final Organisation CO_LEAD = ORGANISATION.as("co_lead");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public SubclusterService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Subcluster> list() {
        currentUser.require();
        return db.select(SUBCLUSTER.fields()).select(COUNTRY.NAME, LEAD.NAME, CO_LEAD.NAME)
                .from(SUBCLUSTER)
                .join(COUNTRY).on(COUNTRY.ISO3.eq(SUBCLUSTER.ISO3))
                .leftJoin(LEAD).on(LEAD.ORGANISATION_ID.eq(SUBCLUSTER.LEAD_ORGANISATION_ID))
                .leftJoin(CO_LEAD).on(CO_LEAD.ORGANISATION_ID.eq(SUBCLUSTER.CO_LEAD_ORGANISATION_ID))
                .orderBy(COUNTRY.NAME)
                .fetch(SubclusterService::toSubcluster);
    }

    @Transactional(readOnly = true)
    public Optional<Subcluster> find(long id) {
        return list().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Whether the current user may edit this sub-cluster (for the UI; the write checks again). */
    public boolean canEdit(long subclusterId) {
        return currentUser.find().map(s -> s.canWrite() && s.canManageSubcluster(subclusterId)).orElse(false);
    }

    /** Changes the coordinator of a sub-cluster, refusing users outside its scope and stale versions. */
    @Transactional
    public void updateCoordinator(long subclusterId, long expectedVersion, String name, String email) {
        UserScope scope = currentUser.require();
        if (!scope.canWrite() || !scope.canManageSubcluster(subclusterId)) {
            throw new AccessRefusedException("error.access.subcluster", subclusterId);
        }
        String cleanName = name == null ? null : name.strip();
        String cleanEmail = email == null || email.isBlank() ? null : email.strip();
        if (cleanName == null || cleanName.length() < 2 || cleanName.length() > 200) {
            throw new ClearwayException("error.subcluster.coordinator-name");
        }
        if (cleanEmail != null && !cleanEmail.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw new ClearwayException("error.email.invalid", cleanEmail);
        }
        var before = db.selectFrom(SUBCLUSTER).where(SUBCLUSTER.SUBCLUSTER_ID.eq(subclusterId)).forUpdate().fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        int updated = db.update(SUBCLUSTER)
                .set(SUBCLUSTER.COORDINATOR_NAME, cleanName)
                .set(SUBCLUSTER.COORDINATOR_EMAIL, cleanEmail)
                .set(SUBCLUSTER.VERSION, SUBCLUSTER.VERSION.plus(1))
                .where(SUBCLUSTER.SUBCLUSTER_ID.eq(subclusterId).and(SUBCLUSTER.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("subcluster");
        }
        var after = db.selectFrom(SUBCLUSTER).where(SUBCLUSTER.SUBCLUSTER_ID.eq(subclusterId)).fetchOne();
        auditLog.record("UPDATE", "subcluster", subclusterId, before, after);
    }

    private static Subcluster toSubcluster(Record r) {
        return new Subcluster(r.get(SUBCLUSTER.SUBCLUSTER_ID), r.get(SUBCLUSTER.VERSION), r.get(SUBCLUSTER.ISO3),
                r.get(COUNTRY.NAME), r.get(SUBCLUSTER.NAME), r.get(SUBCLUSTER.STATUS), r.get(LEAD.NAME),
                r.get(CO_LEAD.NAME), r.get(SUBCLUSTER.COORDINATOR_NAME), r.get(SUBCLUSTER.COORDINATOR_EMAIL),
                r.get(SUBCLUSTER.ACTIVE_FROM), r.get(SUBCLUSTER.SOURCE), r.get(SUBCLUSTER.SYNTHETIC));
    }
}
