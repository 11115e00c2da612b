-- A proposal's footprint: the union of its admin-area locations and its drawn polygon, kept
-- up to date by triggers so tiles and spatial analysis (deconfliction, coverage gaps) read one column.
ALTER TABLE proposal ADD COLUMN footprint postgis.geometry(MultiPolygon, 4326);
CREATE INDEX proposal_footprint_idx ON proposal USING gist (footprint);

CREATE FUNCTION proposal_footprint_of(p_proposal_id bigint) RETURNS postgis.geometry
LANGUAGE sql STABLE AS $$
    SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(g)), 3))
    FROM (SELECT a.geom AS g FROM proposal_location l JOIN admin_area a ON a.admin_area_id = l.admin_area_id
          WHERE l.proposal_id = p_proposal_id
          UNION ALL
          SELECT p.geom FROM proposal p WHERE p.proposal_id = p_proposal_id AND p.geom IS NOT NULL) parts
$$;

CREATE FUNCTION proposal_location_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE proposal p SET footprint = proposal_footprint_of(p.proposal_id)
    WHERE p.proposal_id IN (SELECT proposal_id FROM changed_rows);
    RETURN NULL;
END $$;
CREATE TRIGGER proposal_location_inserted AFTER INSERT ON proposal_location
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_location_changed();
CREATE TRIGGER proposal_location_deleted AFTER DELETE ON proposal_location
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION proposal_location_changed();

CREATE FUNCTION proposal_geom_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.footprint := ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(
        (SELECT ST_Union(a.geom) FROM proposal_location l JOIN admin_area a ON a.admin_area_id = l.admin_area_id
         WHERE l.proposal_id = NEW.proposal_id), NEW.geom)), 3));
    IF NEW.footprint IS NULL THEN
        NEW.footprint := NEW.geom;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER proposal_geom_updated BEFORE UPDATE OF geom ON proposal
    FOR EACH ROW WHEN (OLD.geom IS DISTINCT FROM NEW.geom) EXECUTE FUNCTION proposal_geom_changed();
CREATE TRIGGER proposal_geom_inserted BEFORE INSERT ON proposal
    FOR EACH ROW WHEN (NEW.geom IS NOT NULL) EXECUTE FUNCTION proposal_geom_changed();

-- Tile cache invalidation, shared by every app instance: each data change appends the layer and
-- the extent it touched; instances drop the cached tiles that intersect it (see map.TileCache).
CREATE TABLE tile_invalidation (
    tile_invalidation_id bigserial PRIMARY KEY,
    layer       text NOT NULL,
    bbox        postgis.geometry(Polygon, 4326),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tile_invalidation_created_idx ON tile_invalidation (created_at);

-- One statement-level trigger per table: the extent of all rows it touched (old and new), one row per statement.
CREATE FUNCTION tile_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    geom_column text := TG_ARGV[1];
    new_extent postgis.geometry;
    old_extent postgis.geometry;
    bbox postgis.geometry;
BEGIN
    IF geom_column <> 'none' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            EXECUTE format('SELECT ST_Extent(%I)::geometry FROM new_rows', geom_column) INTO new_extent;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            EXECUTE format('SELECT ST_Extent(%I)::geometry FROM old_rows', geom_column) INTO old_extent;
        END IF;
        IF new_extent IS NULL AND old_extent IS NULL THEN
            RETURN NULL; -- the statement touched no geometry: no tile changes
        END IF;
        bbox := ST_SetSRID(ST_Expand(ST_Envelope(ST_Collect(coalesce(new_extent, old_extent), coalesce(old_extent, new_extent))), 0.0001), 4326);
    END IF;
    -- bbox NULL = the whole layer (changes whose extent is not cheap to know: attributes, funding, boundaries)
    INSERT INTO tile_invalidation (layer, bbox) SELECT layer, bbox FROM unnest(string_to_array(TG_ARGV[0], ',')) AS layer;
    RETURN NULL;
END $$;

CREATE TRIGGER hazard_tiles_ins AFTER INSERT ON hazard REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('hazards,land_release', 'geom');
CREATE TRIGGER hazard_tiles_upd AFTER UPDATE ON hazard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('hazards,land_release', 'geom');
CREATE TRIGGER hazard_tiles_del AFTER DELETE ON hazard REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('hazards,land_release', 'geom');
CREATE TRIGGER casualty_tiles_ins AFTER INSERT ON casualty REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('casualties', 'geom');
CREATE TRIGGER casualty_tiles_upd AFTER UPDATE ON casualty REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('casualties', 'geom');
CREATE TRIGGER casualty_tiles_del AFTER DELETE ON casualty REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('casualties', 'geom');
CREATE TRIGGER eore_tiles_ins AFTER INSERT ON eore_session REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('eore', 'geom');
CREATE TRIGGER eore_tiles_upd AFTER UPDATE ON eore_session REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('eore', 'geom');
CREATE TRIGGER eore_tiles_del AFTER DELETE ON eore_session REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('eore', 'geom');
CREATE TRIGGER proposal_tiles_ins AFTER INSERT ON proposal REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,admin1', 'footprint');
CREATE TRIGGER proposal_tiles_upd AFTER UPDATE ON proposal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,admin1', 'footprint');
CREATE TRIGGER proposal_tiles_del AFTER DELETE ON proposal REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,admin1', 'footprint');
CREATE TRIGGER subcluster_tiles_upd AFTER INSERT OR UPDATE OR DELETE ON subcluster
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('subclusters', 'none');
CREATE TRIGGER admin_area_tiles AFTER INSERT OR UPDATE OR DELETE ON admin_area
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('countries,admin1,subclusters', 'none');
CREATE TRIGGER funding_tiles AFTER INSERT OR UPDATE OR DELETE ON funding_flow
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,admin1', 'none');
CREATE TRIGGER land_release_tiles AFTER INSERT OR UPDATE OR DELETE ON land_release
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('land_release', 'none');
CREATE TRIGGER treaty_status_tiles AFTER INSERT OR UPDATE OR DELETE ON treaty_status
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('countries', 'none');

-- A point on each hazard for the clustered low-zoom rendering (cheaper than a centroid per request).
ALTER TABLE hazard ADD COLUMN anchor postgis.geometry(Point, 4326)
    GENERATED ALWAYS AS (postgis.ST_PointOnSurface(geom)) STORED;
CREATE INDEX hazard_anchor_idx ON hazard USING gist (anchor);
