package org.clearway.exchange;

import java.util.List;
import org.clearway.appeal.ProposalService;
import org.clearway.security.UserScope;

/**
 * One collection of the OGC API: its id, title, and the SQL that yields its features as rows
 * {@code (id, geom, properties...)}, with the date column {@code datetime} filters apply to (if any).
 */
record OgcCollection(String id, String title, String description, String from, String temporal, boolean scoped, String publicFrom) {

    OgcCollection(String id, String title, String description, String from, String temporal, boolean scoped) {
        this(id, title, description, from, temporal, scoped, null);
    }

    /** Point collections; the others are (multi)polygons. */
    boolean points() {
        return id.equals("casualties");
    }

    static final List<OgcCollection> ALL = List.of(
            new OgcCollection("countries", "Countries", "Country outlines (Natural Earth, public domain).",
                    "SELECT a.iso3 AS id, a.geom, a.iso3, a.name FROM admin_area a WHERE a.level = 0", null, false),
            new OgcCollection("admin1", "Admin areas (level 1)",
                    "First-level administrative areas with P-codes (demo areas are synthetic and flagged).",
                    "SELECT a.admin_area_id AS id, a.geom, a.pcode, a.name, a.iso3, a.synthetic, a.source FROM admin_area a WHERE a.level = 1",
                    null, false),
            new OgcCollection("subclusters", "MA AoR field sub-clusters",
                    "Mine action field coordination mechanisms: coverage, lead and co-lead agencies.",
                    """
                    SELECT s.subcluster_id AS id, s.geom, s.iso3, s.name, s.status, lo.name AS lead, co.name AS co_lead,
                           s.active_from, s.active_to, s.synthetic, s.source
                    FROM subcluster s LEFT JOIN organisation lo ON lo.organisation_id = s.lead_organisation_id
                    LEFT JOIN organisation co ON co.organisation_id = s.co_lead_organisation_id WHERE s.geom IS NOT NULL""", null, false),
            new OgcCollection("proposals", "Humanitarian appeal proposals",
                    "Proposals' locations (admin areas and drawn areas); anonymous callers see published proposals only.",
                    """
                    SELECT p.proposal_id AS id, p.footprint AS geom, rp.iso3, p.code, p.title, o.name AS organisation, rp.code AS plan, rp.year,
                           p.status, p.requirements_usd, coalesce(pf.funded_usd, 0) AS funded_usd, p.start_date, p.end_date,
                           p.target_girls, p.target_boys, p.target_women, p.target_men, p.target_older_persons, p.target_pwd, p.synthetic
                    FROM proposal p JOIN organisation o ON o.organisation_id = p.organisation_id
                    JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                    LEFT JOIN proposal_funding pf ON pf.proposal_id = p.proposal_id
                    WHERE p.footprint IS NOT NULL AND %s""", "p.start_date", true),
            new OgcCollection("hazards", "Hazardous areas", "Suspected (SHA) and confirmed (CHA) hazardous areas.",
                    """
                    SELECT h.hazard_id AS id, h.geom, h.iso3, h.hazard_type, h.contamination_type, h.status, h.name, h.area_m2,
                           h.recorded_date, h.synthetic, h.source FROM hazard h WHERE true""", "h.recorded_date", false),
            new OgcCollection("casualties", "Casualties", "Mine and explosive ordnance casualties (points).",
                    """
                    SELECT c.casualty_id AS id, c.geom, c.iso3, c.incident_date, c.outcome, c.civilian, c.sex, c.age_group, c.disability,
                           c.device_type, c.synthetic, c.source FROM casualty c WHERE true""", "c.incident_date", false,
                    // anonymous callers: no disability or source details, and places rounded to 0.01 degree (about 1 km)
                    """
                    SELECT c.casualty_id AS id, ST_SnapToGrid(c.geom, 0.01) AS geom, c.iso3, c.incident_date, c.outcome, c.civilian, c.sex,
                           c.age_group, c.device_type, c.synthetic FROM casualty c WHERE true"""),
            new OgcCollection("treaty-status", "Treaty status by state",
                    "Status of each state in the APMBC, CCM, CCW (Amended Protocol II, Protocol V) and CRPD, from the UN Treaty Collection.",
                    """
                    SELECT a.iso3 AS id, a.geom, a.iso3, a.name,
                           max(ts.status) FILTER (WHERE t.code = 'APMBC') AS apmbc, max(ts.status) FILTER (WHERE t.code = 'CCM') AS ccm,
                           max(ts.status) FILTER (WHERE t.code = 'CCW') AS ccw, max(ts.status) FILTER (WHERE t.code = 'CCW_APII') AS ccw_apii,
                           max(ts.status) FILTER (WHERE t.code = 'CCW_PV') AS ccw_pv, max(ts.status) FILTER (WHERE t.code = 'CRPD') AS crpd,
                           max(ts.as_of) AS as_of
                    FROM admin_area a LEFT JOIN treaty_status ts ON ts.iso3 = a.iso3 LEFT JOIN treaty t ON t.treaty_id = ts.treaty_id
                    WHERE a.level = 0 GROUP BY a.admin_area_id, a.iso3, a.geom, a.name""", null, false));

    static OgcCollection find(String id) {
        return ALL.stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
    }

    /** The rows of this collection the caller may see ({@code null}: anonymous). */
    String sql(UserScope scope) {
        if (scope == null && publicFrom != null) {
            return publicFrom;
        }
        return scoped ? from.formatted(ProposalService.visibleSql(scope)) : from;
    }
}
