package org.clearway.briefing;

import static org.clearway.jooq.Tables.BRIEFING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;
import org.clearway.dashboard.query.Figures;
import org.clearway.dashboard.query.Rows;
import org.clearway.partnership.PartnershipService;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.clearway.treaty.TreatyService;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Briefings: saved (scope, year, narrative), and their content assembled from the same queries as the dashboards,
 * so every number in the pack equals the one on screen. Global coordinators brief on everything, a sub-cluster
 * lead on their sub-cluster.
 */
@Service
public class BriefingService {

    public static final List<String> TREATIES = List.of("APMBC", "CCM", "CCW", "CRPD");

    public record Saved(long id, Long subclusterId, int year, String title, String narrative, long version) implements java.io.Serializable {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final DashboardQuery dashboards;
    private final TreatyService treaties;
    private final PartnershipService partnerships;

    public BriefingService(DSLContext db, CurrentUser currentUser, AuditLog auditLog, DashboardQuery dashboards, TreatyService treaties,
                           PartnershipService partnerships) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.dashboards = dashboards;
        this.treaties = treaties;
        this.partnerships = partnerships;
    }

    public boolean canBrief() {
        return currentUser.find().map(s -> s.isGlobal() || s.role() == Role.SUBCLUSTER_LEAD).orElse(false);
    }

    private UserScope requireBriefer(Long subclusterId) {
        UserScope s = currentUser.require();
        if (!(s.isGlobal() || s.role() == Role.SUBCLUSTER_LEAD && subclusterId != null && s.subclusterIds().contains(subclusterId))) {
            throw new AccessRefusedException("error.briefing.not-allowed");
        }
        return s;
    }

    @Transactional(readOnly = true)
    public List<Saved> list() {
        UserScope s = currentUser.require();
        return db.selectFrom(BRIEFING).orderBy(BRIEFING.UPDATED_AT.desc()).limit(50).fetch().stream()
                .filter(b -> s.isGlobal() || b.getSubclusterId() != null && s.subclusterIds().contains(b.getSubclusterId()))
                .map(b -> new Saved(b.getBriefingId(), b.getSubclusterId(), b.getYear(), b.getTitle(), b.getNarrative(), b.getVersion()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Saved get(long id) {
        var b = db.selectFrom(BRIEFING).where(BRIEFING.BRIEFING_ID.eq(id)).fetchOne();
        if (b == null) {
            throw new ClearwayException("error.not-found");
        }
        requireBriefer(b.getSubclusterId());
        return new Saved(b.getBriefingId(), b.getSubclusterId(), b.getYear(), b.getTitle(), b.getNarrative(), b.getVersion());
    }

    /** Creates ({@code id} null) or updates a briefing; the narrative is the coordinator's own text. */
    @Transactional
    public long save(Long id, long expectedVersion, Long subclusterId, int year, String title, String narrative) {
        UserScope s = requireBriefer(subclusterId);
        if (title == null || title.strip().length() < 3 || title.length() > 200) {
            throw new ClearwayException("error.briefing.title");
        }
        if (year < 2000 || year > 2100) {
            throw new ClearwayException("error.briefing.year");
        }
        String text = narrative == null ? "" : narrative.strip();
        if (text.length() > 20_000) {
            throw new ClearwayException("error.briefing.narrative");
        }
        if (id == null) {
            var r = db.insertInto(BRIEFING).set(BRIEFING.SUBCLUSTER_ID, subclusterId).set(BRIEFING.YEAR, (short) year)
                    .set(BRIEFING.TITLE, title.strip()).set(BRIEFING.NARRATIVE, text).set(BRIEFING.CREATED_BY, s.username())
                    .returning().fetchSingle();
            auditLog.record("INSERT", "briefing", r.getBriefingId(), null, r);
            return r.getBriefingId();
        }
        var before = db.selectFrom(BRIEFING).where(BRIEFING.BRIEFING_ID.eq(id)).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        requireBriefer(before.getSubclusterId());
        int n = db.update(BRIEFING).set(BRIEFING.SUBCLUSTER_ID, subclusterId).set(BRIEFING.YEAR, (short) year).set(BRIEFING.TITLE, title.strip())
                .set(BRIEFING.NARRATIVE, text).set(BRIEFING.UPDATED_AT, DSL.currentOffsetDateTime()).set(BRIEFING.VERSION, BRIEFING.VERSION.plus(1))
                .where(BRIEFING.BRIEFING_ID.eq(id).and(BRIEFING.VERSION.eq(expectedVersion))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("briefing");
        }
        auditLog.record("UPDATE", "briefing", id, before, db.selectFrom(BRIEFING).where(BRIEFING.BRIEFING_ID.eq(id)).fetchOne());
        return id;
    }

    /** The pack's content, from the dashboards' queries (accepted proposals of the year; donors' rules do not apply here). */
    @Transactional(readOnly = true)
    public BriefingContent content(long briefingId) {
        Saved b = get(briefingId);
        DashboardFilter filter = new DashboardFilter(b.year(), b.subclusterId(), null, false);
        Figures figures = dashboards.figures(filter);
        List<Rows.SubclusterFunding> byCountry = dashboards.fundingBySubcluster(filter);
        List<Rows.PartnerFunding> byPartner = dashboards.fundingByPartner(filter);
        Map<String, BigDecimal> hazardKm2 = new LinkedHashMap<>();
        for (Rows.Contamination c : dashboards.contamination(filter)) {
            hazardKm2.merge(c.country(), c.km2(), BigDecimal::add);
        }
        Map<String, Long> casualties = new LinkedHashMap<>();
        db.resultQuery("""
                SELECT c.name, sum(s.casualties)::bigint FROM casualty_summary s JOIN country c ON c.iso3 = s.iso3
                WHERE s.year BETWEEN {0} - 4 AND {0} GROUP BY c.name""", DSL.val(b.year()))
                .forEach(r -> casualties.put(r.get(0, String.class), r.get(1, Long.class)));
        Map<String, String> statuses = new LinkedHashMap<>(); // "ISO3:TREATY" -> status, for every country of the pack at once
        db.resultQuery("""
                SELECT ts.iso3, t.code, ts.status FROM treaty_status ts JOIN treaty t USING (treaty_id)
                WHERE t.code = ANY ({0}) AND ts.iso3 IN (SELECT iso3 FROM subcluster WHERE {1}::bigint IS NULL OR subcluster_id = {1})""",
                DSL.val(TREATIES.toArray(String[]::new)), DSL.val(b.subclusterId()))
                .forEach(x -> statuses.put(x.get(0, String.class) + ":" + x.get(1, String.class), x.get(2, String.class)));
        List<BriefingContent.CountryPage> pages = new ArrayList<>();
        for (Record r : db.resultQuery("""
                SELECT s.iso3, c.name, s.subcluster_id, ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                FROM subcluster s JOIN country c ON c.iso3 = s.iso3
                CROSS JOIN LATERAL (SELECT ST_Extent(a.geom)::geometry AS e FROM admin_area a WHERE a.iso3 = s.iso3 AND a.level = 0) x
                WHERE ({0}::bigint IS NULL OR s.subcluster_id = {0}) AND e IS NOT NULL
                ORDER BY c.name""", DSL.val(b.subclusterId()))) {
            String country = r.get(1, String.class);
            Rows.SubclusterFunding f = byCountry.stream().filter(x -> x.subclusterId() == r.get(2, Long.class)).findFirst().orElse(null);
            Map<String, String> status = new LinkedHashMap<>();
            TREATIES.forEach(t -> status.put(t, statuses.getOrDefault(r.get(0, String.class) + ":" + t, "NOT_PARTY")));
            pages.add(new BriefingContent.CountryPage(r.get(0, String.class), country, r.get(2, Long.class),
                    f == null ? BigDecimal.ZERO : f.requirementsUsd(), f == null ? BigDecimal.ZERO : f.fundedUsd(),
                    hazardKm2.getOrDefault(country, BigDecimal.ZERO), casualties.getOrDefault(country, 0L), status,
                    new double[] {r.get(3, Double.class), r.get(4, Double.class), r.get(5, Double.class), r.get(6, Double.class)}));
        }
        Map<String, Integer> parties = new LinkedHashMap<>();
        TREATIES.forEach(t -> parties.put(t, treaties.count(t, "PARTY") + ("APMBC".equals(t) ? treaties.count(t, "WITHDRAWAL_ANNOUNCED") : 0)));
        // a country pack shows that State's own open needs (against all support on offer); the global pack every State's
        BigDecimal[] needs = partnerships.needsVersusSupport(b.subclusterId() == null || pages.isEmpty() ? null : pages.getFirst().iso3());
        boolean synthetic = db.fetchOne("""
                SELECT coalesce(bool_or(p.synthetic), false) FROM proposal p JOIN response_plan rp USING (response_plan_id)
                WHERE rp.year = ? AND (?::bigint IS NULL OR p.subcluster_id = ?)""", b.year(), b.subclusterId(), b.subclusterId())
                .get(0, Boolean.class);
        String scope = b.subclusterId() == null ? null : pages.stream().findFirst().map(BriefingContent.CountryPage::country).orElse(null);
        return new BriefingContent(b.id(), b.title(), scope, b.year(), b.narrative(), figures, byCountry, byPartner, pages, parties,
                needs[0], needs[1], synthetic);
    }

    /** Simplified outlines for a country map, in lon/lat WKB: neighbours, the country's admin areas, hazards, accepted proposals. */
    @Transactional(readOnly = true)
    public MapData mapData(BriefingContent.CountryPage page, int year) {
        currentUser.require();
        double[] e = page.extent();
        double tolerance = Math.max(e[2] - e[0], e[3] - e[1]) / 700;
        String env = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        Object[] box = {e[0] - (e[2] - e[0]) * 0.05, e[1] - (e[3] - e[1]) * 0.05, e[2] + (e[2] - e[0]) * 0.05, e[3] + (e[3] - e[1]) * 0.05};
        List<byte[]> neighbours = wkb("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(ST_Intersection(geom, " + env + "), ?)) FROM admin_area "
                + "WHERE level = 0 AND iso3 <> ? AND geom && " + env, box[0], box[1], box[2], box[3], tolerance, page.iso3(), box[0], box[1], box[2], box[3]);
        List<byte[]> areas = wkb("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, ?)) FROM admin_area WHERE iso3 = ? AND level = 1",
                tolerance, page.iso3());
        List<byte[]> country = wkb("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, ?)) FROM admin_area WHERE iso3 = ? AND level = 0",
                tolerance, page.iso3());
        List<byte[]> sha = wkb("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, ?)) FROM hazard WHERE iso3 = ? AND status <> 'RELEASED' "
                + "AND hazard_type = 'SHA'", tolerance / 4, page.iso3());
        List<byte[]> cha = wkb("SELECT ST_AsBinary(ST_SimplifyPreserveTopology(geom, ?)) FROM hazard WHERE iso3 = ? AND status <> 'RELEASED' "
                + "AND hazard_type = 'CHA'", tolerance / 4, page.iso3());
        List<byte[]> proposals = wkb("""
                SELECT ST_AsBinary(ST_SimplifyPreserveTopology(p.footprint, ?)) FROM proposal p JOIN response_plan rp USING (response_plan_id)
                WHERE rp.iso3 = ? AND rp.year = ? AND p.deleted_at IS NULL AND p.status IN ('APPROVED', 'PUBLISHED', 'CLOSED')
                  AND p.footprint IS NOT NULL""", tolerance, page.iso3(), year);
        return new MapData(e, neighbours, areas, country, sha, cha, proposals);
    }

    private List<byte[]> wkb(String sql, Object... binds) {
        return db.fetch(sql, binds).stream().map(r -> r.get(0, byte[].class)).filter(java.util.Objects::nonNull).toList();
    }

    /** Geometries of one country map, as WKB in lon/lat. */
    public record MapData(double[] extent, List<byte[]> neighbours, List<byte[]> adminAreas, List<byte[]> country, List<byte[]> sha,
                          List<byte[]> cha, List<byte[]> proposals) {
    }
}
