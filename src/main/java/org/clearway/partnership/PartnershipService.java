package org.clearway.partnership;

import static org.clearway.jooq.Tables.PARTNERSHIP_MATCH;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests, offers, ranked candidates and the matches the committee moves from proposed to delivered. */
@Service
public class PartnershipService {

    /** Allowed moves of a match. */
    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "PROPOSED", Set.of("IN_DISCUSSION", "DECLINED"),
            "IN_DISCUSSION", Set.of("AGREED", "DECLINED"),
            "AGREED", Set.of("DELIVERED", "DECLINED"),
            "DELIVERED", Set.of(),
            "DECLINED", Set.of());

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public PartnershipService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Request> requests() {
        currentUser.require();
        return db.resultQuery("""
                SELECT r.partnership_request_id, r.iso3, c.name, r.theme, r.title, r.amount_sought_usd, r.period_start, r.period_end,
                       r.status, r.synthetic
                FROM partnership_request r JOIN country c ON c.iso3 = r.iso3 ORDER BY c.name, r.partnership_request_id""")
                .fetch(r -> new Request(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, BigDecimal.class), r.get(6, java.time.LocalDate.class),
                        r.get(7, java.time.LocalDate.class), r.get(8, String.class), r.get(9, Boolean.class)));
    }

    /** Open offers ranked for a request, best first (components computed in PostGIS; geography on the spheroid). */
    @Transactional(readOnly = true)
    public List<Candidate> rank(long requestId) {
        currentUser.require();
        return db.resultQuery("""
                WITH r AS (SELECT * FROM partnership_request WHERE partnership_request_id = {0}),
                committed AS (SELECT partnership_offer_id, sum(r2.amount_sought_usd) AS amount
                              FROM partnership_match m JOIN partnership_request r2 USING (partnership_request_id)
                              WHERE m.status IN ('AGREED', 'DELIVERED') GROUP BY partnership_offer_id)
                SELECT o.partnership_offer_id, coalesce(pc.name, po.name), o.title,
                       greatest(coalesce(o.budget_usd, 0) - coalesce(cm.amount, 0), 0) AS remaining,
                       CASE WHEN EXISTS (SELECT 1 FROM partnership_offer_theme t WHERE t.partnership_offer_id = o.partnership_offer_id
                                         AND t.theme = r.theme) THEN 1.0 ELSE 0.0 END AS theme,
                       CASE WHEN o.geom IS NULL OR r.geom IS NULL THEN 0.5
                            ELSE least(1.0, ST_Area(ST_Intersection(o.geom, r.geom)::geography) / nullif(ST_Area(r.geom::geography), 0)) END AS geo,
                       CASE WHEN r.period_start IS NULL OR r.period_end IS NULL OR o.period_start IS NULL OR o.period_end IS NULL THEN 0.5
                            ELSE greatest(0, least(r.period_end, o.period_end) - greatest(r.period_start, o.period_start) + 1)::float8
                                 / (r.period_end - r.period_start + 1) END AS timing,
                       CASE WHEN coalesce(r.amount_sought_usd, 0) = 0 THEN 1.0
                            ELSE least(1.0, greatest(coalesce(o.budget_usd, 0) - coalesce(cm.amount, 0), 0) / r.amount_sought_usd) END AS funding,
                       o.geom IS NOT NULL AND r.geom IS NOT NULL AS geography_known
                FROM partnership_offer o CROSS JOIN r
                LEFT JOIN country pc ON pc.iso3 = o.provider_iso3
                LEFT JOIN organisation po ON po.organisation_id = o.provider_organisation_id
                LEFT JOIN committed cm ON cm.partnership_offer_id = o.partnership_offer_id
                WHERE o.status = 'OPEN'
                """, DSL.val(requestId))
                .fetch(x -> new Candidate(x.get(0, Long.class), x.get(1, String.class), x.get(2, String.class), x.get(3, BigDecimal.class),
                        x.get(4, Double.class), x.get(5, Double.class), x.get(6, Double.class), x.get(7, Double.class),
                        x.get(8, Boolean.class)))
                .stream().sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::offerId)).toList();
    }

    @Transactional(readOnly = true)
    public List<Match> matches() {
        currentUser.require();
        return db.resultQuery("""
                SELECT m.partnership_match_id, m.version, m.partnership_request_id, c.name, r.title, m.partnership_offer_id,
                       coalesce(pc.name, po.name), m.score, m.reason, m.status
                FROM partnership_match m JOIN partnership_request r USING (partnership_request_id) JOIN country c ON c.iso3 = r.iso3
                JOIN partnership_offer o USING (partnership_offer_id)
                LEFT JOIN country pc ON pc.iso3 = o.provider_iso3 LEFT JOIN organisation po ON po.organisation_id = o.provider_organisation_id
                ORDER BY m.partnership_match_id""")
                .fetch(r -> new Match(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, Long.class), r.get(6, String.class), r.get(7, BigDecimal.class),
                        r.get(8, String.class), r.get(9, String.class)));
    }

    /** Open needs versus pledged support: amount sought by open requests, remaining budget of open offers. */
    @Transactional(readOnly = true)
    public BigDecimal[] needsVersusSupport() {
        return needsVersusSupport(null);
    }

    /** The open needs of one State (all States when {@code iso3} is null) against all support on offer (offers are not per State). */
    public BigDecimal[] needsVersusSupport(String iso3) {
        currentUser.require();
        var r = db.fetchOne("""
                SELECT (SELECT coalesce(sum(amount_sought_usd), 0) FROM partnership_request WHERE status = 'OPEN' AND (?::text IS NULL OR iso3 = ?)),
                       (SELECT coalesce(sum(budget_usd), 0) FROM partnership_offer WHERE status = 'OPEN')""", iso3, iso3);
        return new BigDecimal[] {r.get(0, BigDecimal.class), r.get(1, BigDecimal.class)};
    }

    public boolean canEdit() {
        return currentUser.isGlobal();
    }

    /** Records a proposed match with its score and reason (the reason text is the caller's, translated). */
    @Transactional
    public long propose(long requestId, long offerId, String reason) {
        requireEditor();
        Candidate c = rank(requestId).stream().filter(x -> x.offerId() == offerId).findFirst()
                .orElseThrow(() -> new ClearwayException("error.partnership.offer-not-open"));
        var record = db.insertInto(PARTNERSHIP_MATCH).set(PARTNERSHIP_MATCH.PARTNERSHIP_REQUEST_ID, requestId)
                .set(PARTNERSHIP_MATCH.PARTNERSHIP_OFFER_ID, offerId).set(PARTNERSHIP_MATCH.SCORE, BigDecimal.valueOf(c.score()))
                .set(PARTNERSHIP_MATCH.REASON, reason).onConflictDoNothing().returning().fetchOne();
        if (record == null) {
            throw new ClearwayException("error.partnership.already-matched");
        }
        auditLog.record("INSERT", "partnership_match", record.getPartnershipMatchId(), null, record);
        return record.getPartnershipMatchId();
    }

    /** Moves a match along proposed -> in discussion -> agreed -> delivered (or declined). */
    @Transactional
    public void advance(long matchId, long expectedVersion, String status) {
        requireEditor();
        var before = db.selectFrom(PARTNERSHIP_MATCH).where(PARTNERSHIP_MATCH.PARTNERSHIP_MATCH_ID.eq(matchId)).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        if (!TRANSITIONS.getOrDefault(before.getStatus(), Set.of()).contains(status)) {
            throw new ClearwayException("error.partnership.transition", before.getStatus(), status);
        }
        int updated = db.update(PARTNERSHIP_MATCH).set(PARTNERSHIP_MATCH.STATUS, status)
                .set(PARTNERSHIP_MATCH.VERSION, PARTNERSHIP_MATCH.VERSION.plus(1))
                .where(PARTNERSHIP_MATCH.PARTNERSHIP_MATCH_ID.eq(matchId).and(PARTNERSHIP_MATCH.VERSION.eq(expectedVersion))).execute();
        if (updated == 0) {
            throw new ConcurrentEditException("partnership_match");
        }
        auditLog.record("UPDATE", "partnership_match", matchId, before,
                db.selectFrom(PARTNERSHIP_MATCH).where(PARTNERSHIP_MATCH.PARTNERSHIP_MATCH_ID.eq(matchId)).fetchOne());
    }

    public static final java.util.Set<String> THEMES = java.util.Set.of("SURVEY_CLEARANCE", "EORE", "VICTIM_ASSISTANCE",
            "STOCKPILE_DESTRUCTION", "CAPACITY_BUILDING");

    /** Posts a state's request; its area is the state's outline. Global roles post on behalf of states. */
    @Transactional
    public long postRequest(String iso3, String theme, String title, java.math.BigDecimal amount, java.time.LocalDate start,
                            java.time.LocalDate end) {
        requireEditor();
        validate(theme == null ? java.util.Set.of() : java.util.Set.of(theme), title, amount, start, end);
        if (!db.fetchExists(org.clearway.jooq.Tables.ADMIN_AREA, org.clearway.jooq.Tables.ADMIN_AREA.ISO3.eq(iso3)
                .and(org.clearway.jooq.Tables.ADMIN_AREA.LEVEL.eq((short) 0)))) {
            throw new ClearwayException("error.partnership.state");
        }
        long id = db.resultQuery("""
                INSERT INTO partnership_request (iso3, theme, title, amount_sought_usd, period_start, period_end, geom)
                SELECT {0}, {1}, {2}, {3}, {4}, {5}, geom FROM admin_area WHERE iso3 = {0} AND level = 0
                RETURNING partnership_request_id""", DSL.val(iso3), DSL.val(theme), DSL.val(title.strip()), DSL.val(amount),
                DSL.val(start), DSL.val(end)).fetchSingle().get(0, Long.class);
        auditLog.record("INSERT", "partnership_request", id, null,
                db.selectFrom(org.clearway.jooq.Tables.PARTNERSHIP_REQUEST).where(org.clearway.jooq.Tables.PARTNERSHIP_REQUEST.PARTNERSHIP_REQUEST_ID.eq(id)).fetchOne());
        return id;
    }

    /** Posts an offer of a state (global roles) with its themes and, optionally, a focus state. */
    @Transactional
    public long postOffer(String providerIso3, java.util.Set<String> themes, String title, java.math.BigDecimal budget,
                          java.time.LocalDate start, java.time.LocalDate end, String focusIso3) {
        requireEditor();
        validate(themes, title, budget, start, end);
        long id = db.resultQuery("""
                INSERT INTO partnership_offer (provider_iso3, title, budget_usd, period_start, period_end, geom)
                VALUES ({0}, {1}, {2}, {3}, {4}, (SELECT geom FROM admin_area WHERE iso3 = {5} AND level = 0))
                RETURNING partnership_offer_id""", DSL.val(providerIso3), DSL.val(title.strip()), DSL.val(budget), DSL.val(start),
                DSL.val(end), DSL.val(focusIso3)).fetchSingle().get(0, Long.class);
        for (String theme : themes) {
            db.execute("INSERT INTO partnership_offer_theme (partnership_offer_id, theme) VALUES (?, ?)", id, theme);
        }
        auditLog.record("INSERT", "partnership_offer", id, null,
                db.selectFrom(org.clearway.jooq.Tables.PARTNERSHIP_OFFER).where(org.clearway.jooq.Tables.PARTNERSHIP_OFFER.PARTNERSHIP_OFFER_ID.eq(id)).fetchOne());
        return id;
    }

    private static void validate(java.util.Set<String> themes, String title, java.math.BigDecimal amount, java.time.LocalDate start,
                                 java.time.LocalDate end) {
        if (themes.isEmpty() || !THEMES.containsAll(themes)) {
            throw new ClearwayException("error.partnership.theme");
        }
        if (title == null || title.strip().length() < 3) {
            throw new ClearwayException("error.partnership.title");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new ClearwayException("error.partnership.amount");
        }
        if (start == null || end == null || end.isBefore(start)) {
            throw new ClearwayException("error.partnership.period");
        }
    }

    private void requireEditor() {
        if (!currentUser.require().isGlobal()) {
            throw new AccessRefusedException("error.access.partnership");
        }
    }
}
