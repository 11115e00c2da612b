package org.clearway.treaty;

import static org.clearway.jooq.Tables.COUNTRY;
import static org.clearway.jooq.Tables.TREATY;
import static org.clearway.jooq.Tables.TREATY_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Treaty status facts: everybody signed in reads them; global coordinators and admins correct them, audited. */
@Service
public class TreatyService {

    public static final List<String> TREATIES = List.of("APMBC", "CCM", "CCW", "CCW_APII", "CCW_PV", "CRPD");
    public static final Set<String> STATUSES = Set.of("PARTY", "SIGNATORY", "WITHDRAWAL_ANNOUNCED", "WITHDRAWN", "NOT_PARTY");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public TreatyService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    /** Every state with its status in each treaty, filtered by name/ISO code and by a treaty's status. */
    @Transactional(readOnly = true)
    public List<StateStatus> states(String search, String treaty, String status) {
        currentUser.require();
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        var rows = db.select(COUNTRY.ISO3, COUNTRY.NAME, TREATY.CODE, TREATY_STATUS.STATUS)
                .from(COUNTRY)
                .leftJoin(TREATY_STATUS).on(TREATY_STATUS.ISO3.eq(COUNTRY.ISO3))
                .leftJoin(TREATY).on(TREATY.TREATY_ID.eq(TREATY_STATUS.TREATY_ID))
                .where(q.isEmpty() ? DSL.noCondition()
                        : DSL.lower(COUNTRY.NAME).contains(q).or(DSL.lower(COUNTRY.ISO3).eq(q)))
                .orderBy(COUNTRY.NAME).fetch();
        Map<String, java.time.LocalDate> article5 = db.resultQuery("SELECT iso3, current_deadline FROM article5_obligation")
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, java.time.LocalDate.class));
        Map<String, Integer> article7 = db.resultQuery("SELECT iso3, max(report_year) FROM article7_report GROUP BY iso3")
                .fetchMap(r -> r.get(0, String.class), r -> r.get(1, Integer.class));
        Map<String, StateStatus> states = new LinkedHashMap<>();
        for (Record r : rows) {
            StateStatus s = states.computeIfAbsent(r.get(COUNTRY.ISO3),
                    iso3 -> new StateStatus(iso3, r.get(COUNTRY.NAME), new LinkedHashMap<>(), article5.get(iso3), article7.get(iso3)));
            if (r.get(TREATY.CODE) != null) {
                s.statuses().put(r.get(TREATY.CODE), r.get(TREATY_STATUS.STATUS));
            }
        }
        return states.values().stream()
                .filter(s -> treaty == null || status == null || s.status(treaty).equals(status))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<StateProfile> profile(String iso3) {
        UserScope scope = currentUser.require();
        Record country = db.selectFrom(COUNTRY).where(COUNTRY.ISO3.eq(iso3)).fetchOne();
        if (country == null) {
            return Optional.empty();
        }
        List<TreatyFact> facts = db.select(TREATY_STATUS.fields()).select(TREATY.CODE, TREATY.NAME)
                .from(TREATY_STATUS).join(TREATY).on(TREATY.TREATY_ID.eq(TREATY_STATUS.TREATY_ID))
                .where(TREATY_STATUS.ISO3.eq(iso3)).orderBy(TREATY.TREATY_ID)
                .fetch(r -> new TreatyFact(r.get(TREATY_STATUS.TREATY_STATUS_ID), r.get(TREATY_STATUS.VERSION), r.get(TREATY.CODE),
                        r.get(TREATY.NAME), r.get(TREATY_STATUS.STATUS), r.get(TREATY_STATUS.STATUS_DATE), r.get(TREATY_STATUS.NOTE),
                        r.get(TREATY_STATUS.SOURCE), r.get(TREATY_STATUS.AS_OF)));
        Record counts = db.resultQuery("""
                SELECT (SELECT subcluster_id FROM subcluster WHERE iso3 = {0} ORDER BY subcluster_id LIMIT 1),
                       (SELECT name FROM subcluster WHERE iso3 = {0} ORDER BY subcluster_id LIMIT 1),
                       (SELECT count(*) FROM hazard WHERE iso3 = {0} AND status <> 'RELEASED'),
                       (SELECT coalesce(round(sum(area_m2) / 1e6, 1), 0) FROM hazard WHERE iso3 = {0} AND status <> 'RELEASED'),
                       (SELECT count(*) FROM casualty WHERE iso3 = {0}),
                       (SELECT count(*) FROM proposal p JOIN subcluster s USING (subcluster_id)
                        WHERE s.iso3 = {0} AND p.deleted_at IS NULL AND (p.status IN ('PUBLISHED', 'CLOSED') OR {1})),
                       (SELECT coalesce(bool_or(synthetic), false) FROM hazard WHERE iso3 = {0})
                """, DSL.val(iso3), DSL.val(scope.isGlobal())).fetchOne();
        return Optional.of(new StateProfile(iso3, country.get(COUNTRY.NAME), facts, counts.get(0, Long.class), counts.get(1, String.class),
                counts.get(2, Long.class), counts.get(3, BigDecimal.class), counts.get(4, Long.class), counts.get(5, Long.class),
                counts.get(6, Boolean.class)));
    }

    public boolean canEdit() {
        return currentUser.isGlobal();
    }

    /** Corrects one treaty fact; the new source and "as of" date are required. Refused outside global roles. */
    @Transactional
    public void correct(long factId, long expectedVersion, String status, LocalDate date, String note, String source, LocalDate asOf) {
        UserScope scope = currentUser.require();
        if (!scope.isGlobal()) {
            throw new AccessRefusedException("error.access.treaty");
        }
        if (!STATUSES.contains(status)) {
            throw new ClearwayException("error.treaty.status", status);
        }
        if (source == null || source.isBlank() || asOf == null) {
            throw new ClearwayException("error.treaty.source-required");
        }
        if (asOf.isAfter(LocalDate.now()) || (date != null && date.isAfter(LocalDate.now().plusYears(1)))) {
            throw new ClearwayException("error.treaty.future-date");
        }
        var before = db.selectFrom(TREATY_STATUS).where(TREATY_STATUS.TREATY_STATUS_ID.eq(factId)).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        int updated = db.update(TREATY_STATUS).set(TREATY_STATUS.STATUS, status).set(TREATY_STATUS.STATUS_DATE, date)
                .set(TREATY_STATUS.NOTE, note == null || note.isBlank() ? null : note.strip())
                .set(TREATY_STATUS.SOURCE, source.strip()).set(TREATY_STATUS.AS_OF, asOf)
                .set(TREATY_STATUS.VERSION, TREATY_STATUS.VERSION.plus(1))
                .where(TREATY_STATUS.TREATY_STATUS_ID.eq(factId).and(TREATY_STATUS.VERSION.eq(expectedVersion))).execute();
        if (updated == 0) {
            throw new ConcurrentEditException("treaty_status");
        }
        auditLog.record("UPDATE", "treaty_status", factId, before,
                db.selectFrom(TREATY_STATUS).where(TREATY_STATUS.TREATY_STATUS_ID.eq(factId)).fetchOne());
    }

    /** Count of states with a status in a treaty (for the figures stated with their source). */
    @Transactional(readOnly = true)
    public int count(String treaty, String status) {
        return db.fetchCount(TREATY_STATUS.join(TREATY).on(TREATY.TREATY_ID.eq(TREATY_STATUS.TREATY_ID)),
                TREATY.CODE.eq(treaty).and(TREATY_STATUS.STATUS.eq(status)));
    }
}
