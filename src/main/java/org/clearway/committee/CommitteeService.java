package org.clearway.committee;

import static org.clearway.jooq.Tables.COMMITTEE;
import static org.clearway.jooq.Tables.COMMITTEE_MANDATE_ITEM;
import static org.clearway.jooq.Tables.COMMITTEE_ROLE;
import static org.clearway.jooq.Tables.COMMITTEE_TERM;
import static org.clearway.jooq.Tables.COUNTRY;
import static org.clearway.jooq.Tables.MEETING;
import static org.clearway.jooq.Tables.OBSERVATION;

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
        requireSource(source);
        refuseIfBroken(CompositionRules.checkChair(terms(), chairs(), iso3, year));
        setRole("CHAIR", iso3, year, source);
    }

    /** Year -> ISO3 of the committee's gender focal point. */
    @Transactional(readOnly = true)
    public Map<Integer, String> genderFocalPoints() {
        currentUser.require();
        return db.select(COMMITTEE_ROLE.YEAR, COMMITTEE_ROLE.ISO3).from(COMMITTEE_ROLE)
                .where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committeeId()).and(COMMITTEE_ROLE.ROLE.eq("GENDER_FOCAL_POINT")))
                .fetchMap(r -> r.value1().intValue(), r -> r.value2());
    }

    /** Records the member that acts as the committee's gender focal point in a year (it must be a member that year). */
    @Transactional
    public void setGenderFocalPoint(String iso3, int year, String source) {
        requireEditor();
        requireSource(source);
        if (terms().stream().noneMatch(t -> t.iso3().equals(iso3) && t.servesIn(year))) {
            throw new ClearwayException("error.committee.focal-point-member", iso3, String.valueOf(year));
        }
        setRole("GENDER_FOCAL_POINT", iso3, year, source);
    }

    private void setRole(String role, String iso3, int year, String source) {
        short committee = committeeId();
        var before = db.selectFrom(COMMITTEE_ROLE).where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committee)
                .and(COMMITTEE_ROLE.YEAR.eq((short) year)).and(COMMITTEE_ROLE.ROLE.eq(role))).fetchOne();
        db.insertInto(COMMITTEE_ROLE).set(COMMITTEE_ROLE.COMMITTEE_ID, committee).set(COMMITTEE_ROLE.YEAR, (short) year)
                .set(COMMITTEE_ROLE.ROLE, role).set(COMMITTEE_ROLE.ISO3, iso3).set(COMMITTEE_ROLE.SOURCE, source.strip())
                .onConflict(COMMITTEE_ROLE.COMMITTEE_ID, COMMITTEE_ROLE.YEAR, COMMITTEE_ROLE.ROLE).doUpdate()
                .set(COMMITTEE_ROLE.ISO3, iso3).set(COMMITTEE_ROLE.SOURCE, source.strip()).execute();
        auditLog.record("UPSERT", "committee_role", year + ":" + role, before,
                db.selectFrom(COMMITTEE_ROLE).where(COMMITTEE_ROLE.COMMITTEE_ID.eq(committee)
                        .and(COMMITTEE_ROLE.YEAR.eq((short) year)).and(COMMITTEE_ROLE.ROLE.eq(role))).fetchOne());
    }

    // -------------------------------------------------------------------------------------- meetings and observations

    public static final List<String> MEETING_TYPES = List.of("INTERSESSIONAL", "MSP", "REVIEW_CONFERENCE", "COMMITTEE", "OTHER");
    public static final List<String> OBSERVATION_KINDS = List.of("PRELIMINARY_OBSERVATION", "CONCLUSION", "RECOMMENDATION", "REPORT");

    public record Meeting(long id, String type, String name, java.time.LocalDate startDate, java.time.LocalDate endDate, String location,
                          String source, boolean synthetic) implements java.io.Serializable {
    }

    public record Observation(long id, long meetingId, String meeting, java.time.LocalDate meetingDate, String kind, String text,
                              String source, boolean synthetic) implements java.io.Serializable {
    }

    @Transactional(readOnly = true)
    public List<Meeting> meetings() {
        currentUser.require();
        return db.selectFrom(MEETING).orderBy(MEETING.START_DATE.desc(), MEETING.MEETING_ID.desc())
                .fetch(m -> new Meeting(m.getMeetingId(), m.getMeetingType(), m.getName(), m.getStartDate(), m.getEndDate(), m.getLocation(),
                        m.getSource(), m.getSynthetic()));
    }

    /** The committee's observations and conclusions, by meeting (newest meeting first). */
    @Transactional(readOnly = true)
    public List<Observation> observations() {
        currentUser.require();
        return db.select(OBSERVATION.fields()).select(MEETING.NAME, MEETING.START_DATE).from(OBSERVATION)
                .join(MEETING).on(MEETING.MEETING_ID.eq(OBSERVATION.MEETING_ID))
                .where(OBSERVATION.COMMITTEE_ID.eq(committeeId()))
                .orderBy(MEETING.START_DATE.desc(), OBSERVATION.KIND.sortAsc(OBSERVATION_KINDS), OBSERVATION.OBSERVATION_ID)
                .fetch(r -> new Observation(r.get(OBSERVATION.OBSERVATION_ID), r.get(OBSERVATION.MEETING_ID), r.get(MEETING.NAME),
                        r.get(MEETING.START_DATE), r.get(OBSERVATION.KIND), r.get(OBSERVATION.TEXT), r.get(OBSERVATION.SOURCE),
                        r.get(OBSERVATION.SYNTHETIC)));
    }

    @Transactional
    public long addMeeting(String type, String name, java.time.LocalDate start, java.time.LocalDate end, String location, String source) {
        requireEditor();
        if (type == null || !MEETING_TYPES.contains(type)) {
            throw new ClearwayException("error.meeting.type");
        }
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new ClearwayException("error.meeting.name");
        }
        if (start == null || end != null && end.isBefore(start)) {
            throw new ClearwayException("error.meeting.dates");
        }
        requireSource(source);
        var r = db.insertInto(MEETING).set(MEETING.MEETING_TYPE, type).set(MEETING.NAME, name.strip()).set(MEETING.START_DATE, start)
                .set(MEETING.END_DATE, end).set(MEETING.LOCATION, location == null || location.isBlank() ? null : location.strip())
                .set(MEETING.SOURCE, source.strip()).returning().fetchSingle();
        auditLog.record("INSERT", "meeting", r.getMeetingId(), null, r);
        return r.getMeetingId();
    }

    @Transactional
    public long addObservation(long meetingId, String kind, String text, String source) {
        requireEditor();
        if (!db.fetchExists(MEETING, MEETING.MEETING_ID.eq(meetingId))) {
            throw new ClearwayException("error.not-found");
        }
        if (kind == null || !OBSERVATION_KINDS.contains(kind)) {
            throw new ClearwayException("error.observation.kind");
        }
        if (text == null || text.isBlank() || text.length() > 20_000) {
            throw new ClearwayException("error.observation.text");
        }
        requireSource(source);
        var r = db.insertInto(OBSERVATION).set(OBSERVATION.COMMITTEE_ID, committeeId()).set(OBSERVATION.MEETING_ID, meetingId)
                .set(OBSERVATION.KIND, kind).set(OBSERVATION.TEXT, text.strip()).set(OBSERVATION.SOURCE, source.strip())
                .returning().fetchSingle();
        auditLog.record("INSERT", "observation", r.getObservationId(), null, r);
        return r.getObservationId();
    }

    private static void requireSource(String source) {
        if (source == null || source.isBlank()) {
            throw new ClearwayException("error.treaty.source-required");
        }
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
