package org.clearway.treaty;

import static org.clearway.jooq.Tables.ARTICLE5_EXTENSION;
import static org.clearway.jooq.Tables.ARTICLE5_OBLIGATION;
import static org.clearway.jooq.Tables.ARTICLE7_REPORT;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.jooq.tables.records.Article5ObligationRecord;
import org.clearway.security.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * APMBC Article 5 (the deadline to clear mined areas, and its extensions granted by the States Parties) and
 * Article 7 (annual transparency reports). No current source could be compiled for these, so coordinators
 * enter them, each with its source and as-of date; every change is audited. The current deadline is the last
 * extension's new deadline, or the original one.
 */
@Service
public class ApmbcObligations {

    public record Extension(long id, LocalDate grantedDate, LocalDate newDeadline, String source) implements Serializable {
    }

    public record Article5(String iso3, LocalDate originalDeadline, LocalDate currentDeadline, LocalDate completedDate, String source,
                           LocalDate asOf, long version, boolean synthetic, List<Extension> extensions) implements Serializable {
    }

    public record Report(int year, LocalDate submittedDate, String source) implements Serializable {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public ApmbcObligations(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public Optional<Article5> article5(String iso3) {
        currentUser.require();
        Article5ObligationRecord r = db.selectFrom(ARTICLE5_OBLIGATION).where(ARTICLE5_OBLIGATION.ISO3.eq(iso3)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<Extension> extensions = db.selectFrom(ARTICLE5_EXTENSION)
                .where(ARTICLE5_EXTENSION.ARTICLE5_OBLIGATION_ID.eq(r.getArticle5ObligationId()))
                .orderBy(ARTICLE5_EXTENSION.GRANTED_DATE, ARTICLE5_EXTENSION.ARTICLE5_EXTENSION_ID)
                .fetch(e -> new Extension(e.getArticle5ExtensionId(), e.getGrantedDate(), e.getNewDeadline(), e.getSource()));
        return Optional.of(new Article5(iso3, r.getOriginalDeadline(), r.getCurrentDeadline(), r.getCompletedDate(), r.getSource(),
                r.getAsOf(), r.getVersion(), r.getSynthetic(), extensions));
    }

    @Transactional(readOnly = true)
    public List<Report> article7(String iso3) {
        currentUser.require();
        return db.selectFrom(ARTICLE7_REPORT).where(ARTICLE7_REPORT.ISO3.eq(iso3)).orderBy(ARTICLE7_REPORT.REPORT_YEAR.desc())
                .fetch(r -> new Report(r.getReportYear(), r.getSubmittedDate(), r.getSource()));
    }

    public boolean canEdit() {
        return currentUser.isGlobal();
    }

    /**
     * Records (or corrects) a State Party's Article 5 obligation: its original deadline and, when declared, the date it
     * completed clearance. {@code expectedVersion} is 0 for a new record.
     */
    @Transactional
    public void setArticle5(String iso3, LocalDate originalDeadline, LocalDate completedDate, String source, LocalDate asOf,
                            long expectedVersion) {
        requireEditor();
        requireSource(source, asOf);
        requireParty(iso3);
        if (originalDeadline == null) {
            throw new ClearwayException("error.article5.deadline");
        }
        if (completedDate != null && completedDate.isAfter(LocalDate.now())) {
            throw new ClearwayException("error.treaty.future-date");
        }
        Article5ObligationRecord before = db.selectFrom(ARTICLE5_OBLIGATION).where(ARTICLE5_OBLIGATION.ISO3.eq(iso3)).fetchOne();
        if (before == null) {
            if (expectedVersion != 0) {
                throw new ConcurrentEditException("article5_obligation");
            }
            var r = db.insertInto(ARTICLE5_OBLIGATION).set(ARTICLE5_OBLIGATION.ISO3, iso3)
                    .set(ARTICLE5_OBLIGATION.ORIGINAL_DEADLINE, originalDeadline).set(ARTICLE5_OBLIGATION.CURRENT_DEADLINE, originalDeadline)
                    .set(ARTICLE5_OBLIGATION.COMPLETED_DATE, completedDate).set(ARTICLE5_OBLIGATION.SOURCE, source.strip())
                    .set(ARTICLE5_OBLIGATION.AS_OF, asOf).returning().fetchOne();
            auditLog.record("INSERT", "article5_obligation", r.getArticle5ObligationId(), null, r);
            return;
        }
        LocalDate current = db.select(DSL.max(ARTICLE5_EXTENSION.NEW_DEADLINE)).from(ARTICLE5_EXTENSION)
                .where(ARTICLE5_EXTENSION.ARTICLE5_OBLIGATION_ID.eq(before.getArticle5ObligationId())).fetchOne(0, LocalDate.class);
        int n = db.update(ARTICLE5_OBLIGATION).set(ARTICLE5_OBLIGATION.ORIGINAL_DEADLINE, originalDeadline)
                .set(ARTICLE5_OBLIGATION.CURRENT_DEADLINE, current == null ? originalDeadline : current)
                .set(ARTICLE5_OBLIGATION.COMPLETED_DATE, completedDate).set(ARTICLE5_OBLIGATION.SOURCE, source.strip())
                .set(ARTICLE5_OBLIGATION.AS_OF, asOf).set(ARTICLE5_OBLIGATION.VERSION, ARTICLE5_OBLIGATION.VERSION.plus(1))
                .where(ARTICLE5_OBLIGATION.ISO3.eq(iso3).and(ARTICLE5_OBLIGATION.VERSION.eq(expectedVersion))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("article5_obligation");
        }
        auditLog.record("UPDATE", "article5_obligation", before.getArticle5ObligationId(), before,
                db.selectFrom(ARTICLE5_OBLIGATION).where(ARTICLE5_OBLIGATION.ISO3.eq(iso3)).fetchOne());
    }

    /** An extension granted by a Meeting of the States Parties or a Review Conference: it moves the current deadline later. */
    @Transactional
    public void addExtension(String iso3, long expectedVersion, LocalDate grantedDate, LocalDate newDeadline, String source) {
        requireEditor();
        requireSource(source, grantedDate);
        Article5ObligationRecord before = db.selectFrom(ARTICLE5_OBLIGATION).where(ARTICLE5_OBLIGATION.ISO3.eq(iso3)).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.article5.no-obligation");
        }
        if (newDeadline == null || !newDeadline.isAfter(before.getCurrentDeadline())) {
            throw new ClearwayException("error.article5.extension-not-later", String.valueOf(before.getCurrentDeadline()));
        }
        int n = db.update(ARTICLE5_OBLIGATION).set(ARTICLE5_OBLIGATION.CURRENT_DEADLINE, newDeadline)
                .set(ARTICLE5_OBLIGATION.VERSION, ARTICLE5_OBLIGATION.VERSION.plus(1))
                .where(ARTICLE5_OBLIGATION.ISO3.eq(iso3).and(ARTICLE5_OBLIGATION.VERSION.eq(expectedVersion))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("article5_obligation");
        }
        var e = db.insertInto(ARTICLE5_EXTENSION).set(ARTICLE5_EXTENSION.ARTICLE5_OBLIGATION_ID, before.getArticle5ObligationId())
                .set(ARTICLE5_EXTENSION.GRANTED_DATE, grantedDate).set(ARTICLE5_EXTENSION.NEW_DEADLINE, newDeadline)
                .set(ARTICLE5_EXTENSION.SOURCE, source.strip()).returning().fetchOne();
        auditLog.record("INSERT", "article5_extension", e.getArticle5ExtensionId(), null, e);
    }

    /** Records that a State Party submitted its Article 7 report for a year (a second record for the year corrects the first). */
    @Transactional
    public void recordArticle7(String iso3, int year, LocalDate submittedDate, String source) {
        requireEditor();
        requireSource(source, submittedDate == null ? LocalDate.now() : submittedDate);
        requireParty(iso3);
        if (year < 1999 || year > LocalDate.now().getYear()) {
            throw new ClearwayException("error.article7.year", String.valueOf(LocalDate.now().getYear()));
        }
        var before = db.selectFrom(ARTICLE7_REPORT).where(ARTICLE7_REPORT.ISO3.eq(iso3).and(ARTICLE7_REPORT.REPORT_YEAR.eq((short) year)))
                .fetchOne();
        var after = db.insertInto(ARTICLE7_REPORT).set(ARTICLE7_REPORT.ISO3, iso3).set(ARTICLE7_REPORT.REPORT_YEAR, (short) year)
                .set(ARTICLE7_REPORT.SUBMITTED_DATE, submittedDate).set(ARTICLE7_REPORT.SOURCE, source.strip())
                .onConflict(ARTICLE7_REPORT.ISO3, ARTICLE7_REPORT.REPORT_YEAR).doUpdate()
                .set(ARTICLE7_REPORT.SUBMITTED_DATE, submittedDate).set(ARTICLE7_REPORT.SOURCE, source.strip()).returning().fetchOne();
        auditLog.record(before == null ? "INSERT" : "UPDATE", "article7_report", after.getArticle7ReportId(), before, after);
    }

    private void requireEditor() {
        if (!canEdit()) {
            throw new AccessRefusedException("error.access.treaty");
        }
    }

    private static void requireSource(String source, LocalDate asOf) {
        if (source == null || source.isBlank() || asOf == null) {
            throw new ClearwayException("error.treaty.source-required");
        }
        if (asOf.isAfter(LocalDate.now())) {
            throw new ClearwayException("error.treaty.future-date");
        }
    }

    /** Article 5 and 7 bind States Parties (a state that announced its withdrawal is bound until it takes effect). */
    private void requireParty(String iso3) {
        boolean party = db.fetchExists(DSL.selectOne().from("treaty_status ts JOIN treaty t USING (treaty_id)")
                .where("t.code = 'APMBC' AND ts.iso3 = ? AND ts.status IN ('PARTY', 'WITHDRAWAL_ANNOUNCED')", iso3));
        if (!party) {
            throw new ClearwayException("error.article5.not-party", iso3);
        }
    }
}
