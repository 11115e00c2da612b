-- Vector tile functions, one per layer: (z, x, y, filters...) -> bytea (Mapbox Vector Tile).
-- The tile envelope is transformed to EPSG:4326 (the tables' SRID) so the GiST indexes are used;
-- geometry is simplified to the tile's pixel size; only the attributes the styles and popups need.
-- Dense layers are drawn as grid clusters below zoom 9 (count and totals per 64-pixel cell).
-- Callers (map.TileService) validate z/x/y and bind every parameter.

CREATE OR REPLACE FUNCTION tile_pixel_m(z integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 40075016.68557849 / (2 ^ z) / 4096 $$;

CREATE OR REPLACE FUNCTION tile_countries(z integer, x integer, y integer, p_treaty text DEFAULT 'APMBC')
RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH b AS (SELECT ST_TileEnvelope(z, x, y) AS env,
                      ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326) AS env4326),
    f AS (
        SELECT a.admin_area_id AS id, a.iso3, a.name, coalesce(ts.status, 'NOT_PARTY') AS treaty_status,
               ST_AsMVTGeom(ST_SimplifyPreserveTopology(ST_Transform(ST_Intersection(a.geom, b.env4326), 3857), tile_pixel_m(z)),
                            b.env, 4096, 64, true) AS geom
        FROM admin_area a CROSS JOIN b
        LEFT JOIN treaty t ON t.code = p_treaty
        LEFT JOIN treaty_status ts ON ts.iso3 = a.iso3 AND ts.treaty_id = t.treaty_id
        WHERE a.level = 0 AND a.geom && b.env4326
    )
    SELECT ST_AsMVT(f, 'countries', 4096, 'geom', 'id') FROM f WHERE geom IS NOT NULL
$$;

-- Funding gap per admin-1 area: requirements minus funding (commitments and paid) of the published
-- proposals located there, each proposal split evenly across its locations.
CREATE OR REPLACE FUNCTION tile_admin1(z integer, x integer, y integer, p_year integer DEFAULT NULL)
RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH b AS (SELECT ST_TileEnvelope(z, x, y) AS env,
                      ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326) AS env4326),
    areas AS (SELECT a.* FROM admin_area a, b WHERE a.level = 1 AND a.geom && b.env4326),
    share AS (
        SELECT l.admin_area_id,
               sum((p.requirements_usd - least(p.requirements_usd, coalesce(fund.amount, 0))) / n.locations) AS gap
        FROM proposal_location l
        JOIN areas ON areas.admin_area_id = l.admin_area_id
        JOIN proposal p ON p.proposal_id = l.proposal_id
        JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
        JOIN LATERAL (SELECT count(*) AS locations FROM proposal_location l2 WHERE l2.proposal_id = p.proposal_id) n ON true
        LEFT JOIN LATERAL (SELECT sum(ff.amount_usd) AS amount FROM funding_flow ff
                           WHERE ff.proposal_id = p.proposal_id AND ff.status IN ('COMMITMENT', 'PAID')) fund ON true
        WHERE p.status IN ('PUBLISHED', 'CLOSED') AND p.deleted_at IS NULL AND (p_year IS NULL OR rp.year = p_year)
        GROUP BY l.admin_area_id
    ),
    f AS (
        SELECT areas.admin_area_id AS id, areas.pcode, areas.name, areas.iso3, round(coalesce(share.gap, 0))::float8 AS funding_gap,
               ST_AsMVTGeom(ST_SimplifyPreserveTopology(ST_Transform(ST_Intersection(areas.geom, b.env4326), 3857), tile_pixel_m(z)),
                            b.env, 4096, 64, true) AS geom
        FROM areas CROSS JOIN b LEFT JOIN share ON share.admin_area_id = areas.admin_area_id
    )
    SELECT ST_AsMVT(f, 'admin1', 4096, 'geom', 'id') FROM f WHERE geom IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION tile_subclusters(z integer, x integer, y integer)
RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH b AS (SELECT ST_TileEnvelope(z, x, y) AS env,
                      ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326) AS env4326),
    f AS (
        SELECT s.subcluster_id AS id, s.iso3, s.name, s.status, coalesce(o.acronym, '') AS lead,
               ST_AsMVTGeom(ST_SimplifyPreserveTopology(ST_Transform(ST_Intersection(s.geom, b.env4326), 3857), tile_pixel_m(z)),
                            b.env, 4096, 64, true) AS geom
        FROM subcluster s CROSS JOIN b LEFT JOIN organisation o ON o.organisation_id = s.lead_organisation_id
        WHERE s.geom && b.env4326
    )
    SELECT ST_AsMVT(f, 'subclusters', 4096, 'geom', 'id') FROM f WHERE geom IS NOT NULL
$$;

-- Proposals by status and % funded. Scope: published proposals for everybody; others only for global
-- roles, the lead of the proposal's sub-cluster and the proposal's own organisation.
CREATE OR REPLACE FUNCTION tile_proposals(z integer, x integer, y integer, p_role text, p_org bigint, p_subclusters bigint[],
                                          p_year integer DEFAULT NULL, p_subcluster bigint DEFAULT NULL,
                                          p_status text DEFAULT NULL, p_activity text DEFAULT NULL)
RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH b AS (SELECT ST_TileEnvelope(z, x, y) AS env,
                      ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326) AS env4326),
    f AS (
        SELECT p.proposal_id AS id, p.code, p.status, coalesce(o.acronym, o.name) AS organisation, p.requirements_usd::float8 AS requirements_usd,
               CASE WHEN p.requirements_usd > 0
                    THEN round(least(100, 100 * coalesce(fund.amount, 0) / p.requirements_usd))::int ELSE 0 END AS pct_funded,
               ST_AsMVTGeom(ST_SimplifyPreserveTopology(ST_Transform(ST_Intersection(p.footprint, b.env4326), 3857), tile_pixel_m(z)),
                            b.env, 4096, 64, true) AS geom
        FROM proposal p CROSS JOIN b
        JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
        JOIN organisation o ON o.organisation_id = p.organisation_id
        LEFT JOIN LATERAL (SELECT sum(ff.amount_usd) AS amount FROM funding_flow ff
                           WHERE ff.proposal_id = p.proposal_id AND ff.status IN ('COMMITMENT', 'PAID')) fund ON true
        WHERE p.footprint && b.env4326 AND p.deleted_at IS NULL
          AND (p.status IN ('PUBLISHED', 'CLOSED')
               OR p_role IN ('ADMIN', 'GLOBAL_COORDINATOR')
               OR (p_role = 'SUBCLUSTER_LEAD' AND p.subcluster_id = ANY (p_subclusters))
               OR (p_role = 'PARTNER' AND p.organisation_id = p_org))
          AND (p_year IS NULL OR rp.year = p_year)
          AND (p_subcluster IS NULL OR p.subcluster_id = p_subcluster)
          AND (p_status IS NULL OR p.status = p_status)
          AND (p_activity IS NULL OR EXISTS (SELECT 1 FROM proposal_activity pa
                                             WHERE pa.proposal_id = p.proposal_id AND pa.activity = p_activity))
    )
    SELECT ST_AsMVT(f, 'proposals', 4096, 'geom', 'id') FROM f WHERE geom IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION tile_hazards(z integer, x integer, y integer, p_country text DEFAULT NULL,
                                        p_status text DEFAULT NULL, p_type text DEFAULT NULL)
RETURNS bytea LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    env postgis.geometry := ST_TileEnvelope(z, x, y);
    env4326 postgis.geometry := ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326);
    cell float8 := tile_pixel_m(z) * 96; -- cluster cells of 96 tile pixels
    result bytea;
BEGIN
    IF z < 9 THEN
        SELECT ST_AsMVT(f, 'hazards', 4096, 'geom') INTO result FROM (
            SELECT count(*)::int AS count, round(sum(h.area_m2))::float8 AS area_m2,
                   mode() WITHIN GROUP (ORDER BY h.hazard_type) AS hazard_type,
                   mode() WITHIN GROUP (ORDER BY h.contamination_type) AS contamination_type,
                   ST_AsMVTGeom(ST_Centroid(ST_Collect(ST_Transform(h.anchor, 3857))), env, 4096, 64, true) AS geom
            FROM hazard h
            WHERE h.anchor && env4326 AND (h.status <> 'RELEASED' OR p_status = 'RELEASED') -- released ones only when asked for
              AND (p_country IS NULL OR h.iso3 = p_country) AND (p_status IS NULL OR h.status = p_status)
              AND (p_type IS NULL OR h.hazard_type = p_type)
            GROUP BY ST_SnapToGrid(ST_Transform(h.anchor, 3857), cell)) f
        WHERE geom IS NOT NULL;
    ELSE
        SELECT ST_AsMVT(f, 'hazards', 4096, 'geom', 'id') INTO result FROM (
            SELECT h.hazard_id AS id, h.hazard_type, h.contamination_type, h.status, round(h.area_m2)::float8 AS area_m2,
                   ST_AsMVTGeom(ST_Transform(h.geom, 3857), env, 4096, 64, true) AS geom
            FROM hazard h
            WHERE h.geom && env4326 AND (h.status <> 'RELEASED' OR p_status = 'RELEASED') -- as at low zooms
              AND (p_country IS NULL OR h.iso3 = p_country) AND (p_status IS NULL OR h.status = p_status)
              AND (p_type IS NULL OR h.hazard_type = p_type)) f
        WHERE geom IS NOT NULL;
    END IF;
    RETURN coalesce(result, ''::bytea);
END $$;

CREATE OR REPLACE FUNCTION tile_land_release(z integer, x integer, y integer, p_country text DEFAULT NULL, p_year integer DEFAULT NULL)
RETURNS bytea LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    env postgis.geometry := ST_TileEnvelope(z, x, y);
    env4326 postgis.geometry := ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326);
    cell float8 := tile_pixel_m(z) * 96; -- cluster cells of 96 tile pixels
    result bytea;
BEGIN
    IF z < 9 THEN
        SELECT ST_AsMVT(f, 'land_release', 4096, 'geom') INTO result FROM (
            SELECT count(*)::int AS count, round(sum(lr.area_m2))::float8 AS area_m2,
                   mode() WITHIN GROUP (ORDER BY lr.method) AS method,
                   ST_AsMVTGeom(ST_Centroid(ST_Collect(ST_Transform(h.anchor, 3857))), env, 4096, 64, true) AS geom
            FROM land_release lr JOIN hazard h ON h.hazard_id = lr.hazard_id
            WHERE h.anchor && env4326 AND (p_country IS NULL OR h.iso3 = p_country)
              AND (p_year IS NULL OR extract(year FROM lr.release_date) = p_year)
            GROUP BY ST_SnapToGrid(ST_Transform(h.anchor, 3857), cell)) f
        WHERE geom IS NOT NULL;
    ELSE
        SELECT ST_AsMVT(f, 'land_release', 4096, 'geom', 'id') INTO result FROM (
            SELECT lr.land_release_id AS id, lr.method, round(lr.area_m2)::float8 AS area_m2, lr.release_date::text AS release_date,
                   ST_AsMVTGeom(ST_Transform(coalesce(lr.geom, h.geom), 3857), env, 4096, 64, true) AS geom
            FROM land_release lr JOIN hazard h ON h.hazard_id = lr.hazard_id
            WHERE h.geom && env4326 AND (p_country IS NULL OR h.iso3 = p_country)
              AND (p_year IS NULL OR extract(year FROM lr.release_date) = p_year)) f
        WHERE geom IS NOT NULL;
    END IF;
    RETURN coalesce(result, ''::bytea);
END $$;

CREATE OR REPLACE FUNCTION tile_casualties(z integer, x integer, y integer, p_country text DEFAULT NULL, p_year integer DEFAULT NULL)
RETURNS bytea LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    env postgis.geometry := ST_TileEnvelope(z, x, y);
    env4326 postgis.geometry := ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326);
    cell float8 := tile_pixel_m(z) * 96; -- cluster cells of 96 tile pixels
    result bytea;
BEGIN
    IF z < 9 THEN
        SELECT ST_AsMVT(f, 'casualties', 4096, 'geom') INTO result FROM (
            SELECT count(*)::int AS count, count(*) FILTER (WHERE c.outcome = 'KILLED')::int AS killed,
                   count(*) FILTER (WHERE c.age_group = 'CHILD')::int AS children,
                   ST_AsMVTGeom(ST_Centroid(ST_Collect(ST_Transform(c.geom, 3857))), env, 4096, 64, true) AS geom
            FROM casualty c
            WHERE c.geom && env4326 AND (p_country IS NULL OR c.iso3 = p_country)
              AND (p_year IS NULL OR c.incident_date >= make_date(p_year, 1, 1) AND c.incident_date < make_date(p_year + 1, 1, 1))
            GROUP BY ST_SnapToGrid(ST_Transform(c.geom, 3857), cell)) f
        WHERE geom IS NOT NULL;
    ELSE
        SELECT ST_AsMVT(f, 'casualties', 4096, 'geom', 'id') INTO result FROM (
            SELECT c.casualty_id AS id, c.outcome, c.civilian, c.sex, c.age_group, c.device_type, c.incident_date::text AS incident_date,
                   ST_AsMVTGeom(ST_Transform(c.geom, 3857), env, 4096, 64, true) AS geom
            FROM casualty c
            WHERE c.geom && env4326 AND (p_country IS NULL OR c.iso3 = p_country)
              AND (p_year IS NULL OR c.incident_date >= make_date(p_year, 1, 1) AND c.incident_date < make_date(p_year + 1, 1, 1))) f
        WHERE geom IS NOT NULL;
    END IF;
    RETURN coalesce(result, ''::bytea);
END $$;

CREATE OR REPLACE FUNCTION tile_eore(z integer, x integer, y integer, p_country text DEFAULT NULL, p_year integer DEFAULT NULL)
RETURNS bytea LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    env postgis.geometry := ST_TileEnvelope(z, x, y);
    env4326 postgis.geometry := ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.015625), 4326);
    cell float8 := tile_pixel_m(z) * 96; -- cluster cells of 96 tile pixels
    result bytea;
BEGIN
    IF z < 9 THEN
        SELECT ST_AsMVT(f, 'eore', 4096, 'geom') INTO result FROM (
            SELECT count(*)::int AS count, sum(e.girls + e.boys + e.women + e.men + e.older_persons)::int AS participants,
                   ST_AsMVTGeom(ST_Centroid(ST_Collect(ST_Transform(e.geom, 3857))), env, 4096, 64, true) AS geom
            FROM eore_session e
            WHERE e.geom && env4326 AND (p_country IS NULL OR e.iso3 = p_country)
              AND (p_year IS NULL OR extract(year FROM e.session_date) = p_year)
            GROUP BY ST_SnapToGrid(ST_Transform(e.geom, 3857), cell)) f
        WHERE geom IS NOT NULL;
    ELSE
        SELECT ST_AsMVT(f, 'eore', 4096, 'geom', 'id') INTO result FROM (
            SELECT e.eore_session_id AS id, e.session_date::text AS session_date,
                   (e.girls + e.boys + e.women + e.men + e.older_persons)::int AS participants, e.girls, e.boys, e.women, e.men,
                   ST_AsMVTGeom(ST_Transform(e.geom, 3857), env, 4096, 64, true) AS geom
            FROM eore_session e
            WHERE e.geom && env4326 AND (p_country IS NULL OR e.iso3 = p_country)
              AND (p_year IS NULL OR extract(year FROM e.session_date) = p_year)) f
        WHERE geom IS NOT NULL;
    END IF;
    RETURN coalesce(result, ''::bytea);
END $$;
