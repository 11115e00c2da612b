package org.clearway.committee;

import static org.clearway.jooq.Tables.COMMITTEE;
import static org.clearway.jooq.Tables.COMMITTEE_MANDATE_ITEM;
import static org.clearway.jooq.Tables.COMMITTEE_ROLE;
import static org.clearway.jooq.Tables.COMMITTEE_TERM;
import static org.clearway.jooq.Tables.COUNTRY;

import java.util.List;
import java.util.Map;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.committee.CompositionRules.Problem;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Committee on the Enhancement of Cooperation and Assistance: members, chairs, mandate; edits checked against its rules. */
@Service
public class CommitteeService {

    public static final String CODE = "APMBC_CEC";

    public record MandateItem(String kind, int number, String textEn, String textFr, String source) {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public CommitteeService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    private short committeeId() {
        return db.select(COMMITTEE.COMMITTEE_ID).from(COMMITTEE).where(COMMITTEE.CODE.eq(CODE)).fetchSingle().value1();
    }

    @Transactional(readOnly = true)
    public List<Term> terms() {
        currentUser.require();
        return db.select(COMMITTEE_TERM.fields()).select(COUNTRY.NAME).from(COMMITTEE_TERM)
                .join(COUNTRY).on(COUNTRY.ISO3.eq(COMMITTEE_TERM.ISO3))
                .where(COMMITTEE_TERM.COMMITTEE_ID.eq(committeeId()))
                .orderBy(COMMITTEE_TERM.YEAR_FROM, COUNTRY.NAME)
                .fetch(r -> new Term(r.get(COMMITTEE_TERM.COMMITTEE_TERM_ID), r.get(COMMITTEE_TERM.ISO3), r.get(COUNTRY.NAME),
                        r.get(COMMITTEE_TERM.YEAR_FROM), r.get(COMMITTEE_TERM.YEAR_TO), r.get(COMMITTEE_TERM.AFFECTED_STATE),
                        r.get(COMMITTEE_TERM.ASSISTANCE_PROVIDER), r.get(COMMITTEE_TERM.INFERRED), r.get(COMMITTEE_TERM.SOURCE)));
    }

    /** Year -> ISO3 of the chair. */
    @Transactional(readOnly = true)
    public Map<Integer, String> chairs() {
        currentUser.require();
        return db.select(COMMITTEE_ROLE.YEAR, COMMITTEE_ROLE.ISO3).from(COMMITTEE_ROLE)
                .where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committeeId()).and(COMMITTEE_ROLE.ROLE.eq("CHAIR")))
                .fetchMap(r -> r.value1().intValue(), r -> r.value2());
    }

    @Transactional(readOnly = true)
    public List<MandateItem> mandate() {
        currentUser.require();
        return db.selectFrom(COMMITTEE_MANDATE_ITEM).where(COMMITTEE_MANDATE_ITEM.COMMITTEE_ID.eq(committeeId()))
                .orderBy(COMMITTEE_MANDATE_ITEM.KIND.sortAsc("ROLE", "MANDATE", "COMPOSITION", "WORKING_METHOD"), COMMITTEE_MANDATE_ITEM.ITEM_NO)
                .fetch(r -> new MandateItem(r.getKind(), r.getItemNo(), r.getTextEn(), r.getTextFr(), r.getSource()));
    }

    public boolean canEdit() {
        return currentUser.isGlobal();
    }

    /** Adds a member's two-year term, refused with the broken rule(s) if it breaks the composition rules. */
    @Transactional
    public void addTerm(String iso3, int yearFrom, boolean affected, boolean provider, String source) {
        requireEditor();
        String state = db.select(COUNTRY.NAME).from(COUNTRY).where(COUNTRY.ISO3.eq(iso3)).fetchOptional(COUNTRY.NAME)
                .orElseThrow(() -> new ClearwayException("error.not-found"));
        if (source == null || source.isBlank()) {
            throw new ClearwayException("error.treaty.source-required");
        }
        Term candidate = new Term(0, iso3, state, yearFrom, yearFrom + 1, affected, provider, false, source);
        refuseIfBroken(CompositionRules.checkNewTerm(terms(), candidate));
        var record = db.insertInto(COMMITTEE_TERM).set(COMMITTEE_TERM.COMMITTEE_ID, committeeId()).set(COMMITTEE_TERM.ISO3, iso3)
                .set(COMMITTEE_TERM.YEAR_FROM, (short) yearFrom).set(COMMITTEE_TERM.YEAR_TO, (short) (yearFrom + 1))
                .set(COMMITTEE_TERM.AFFECTED_STATE, affected).set(COMMITTEE_TERM.ASSISTANCE_PROVIDER, provider)
                .set(COMMITTEE_TERM.SOURCE, source.strip()).returning().fetchSingle();
        auditLog.record("INSERT", "committee_term", record.getCommitteeTermId(), null, record);
    }

    /** Records the chair elected for a year, refused unless the state is in the second year of its term. */
    @Transactional
    public void setChair(String iso3, int year, String source) {
        requireEditor();
        if (source == null || source.isBlank()) {
            throw new ClearwayException("error.treaty.source-required");
        }
        refuseIfBroken(CompositionRules.checkChair(terms(), chairs(), iso3, year));
        short committee = committeeId();
        var before = db.selectFrom(COMMITTEE_ROLE).where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committee)
                .and(COMMITTEE_ROLE.YEAR.eq((short) year)).and(COMMITTEE_ROLE.ROLE.eq("CHAIR"))).fetchOne();
        db.insertInto(COMMITTEE_ROLE).set(COMMITTEE_ROLE.COMMITTEE_ID, committee).set(COMMITTEE_ROLE.YEAR, (short) year)
                .set(COMMITTEE_ROLE.ROLE, "CHAIR").set(COMMITTEE_ROLE.ISO3, iso3).set(COMMITTEE_ROLE.SOURCE, source.strip())
                .onConflict(COMMITTEE_ROLE.COMMITTEE_ID, COMMITTEE_ROLE.YEAR, COMMITTEE_ROLE.ROLE).doUpdate()
                .set(COMMITTEE_ROLE.ISO3, iso3).set(COMMITTEE_ROLE.SOURCE, source.strip()).execute();
        auditLog.record("UPSERT", "committee_role", year + ":CHAIR", before,
                db.selectFrom(COMMITTEE_ROLE).where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committee)
                        .and(COMMITTEE_ROLE.YEAR.eq((short) year)).and(COMMITTEE_ROLE.ROLE.eq("CHAIR"))).fetchOne());
    }

    private void requireEditor() {
        if (!currentUser.require().isGlobal()) {
            throw new AccessRefusedException("error.access.committee");
        }
    }

    private static void refuseIfBroken(List<Problem> problems) {
        if (!problems.isEmpty()) {
            Problem first = problems.getFirst();
            throw new ClearwayException(first.key(), first.args());
        }
    }
}
