-- Hazards and casualties belong to the admin-1 area their point lies in (a hazard's anchor, a casualty's location),
-- as the importer assigns them (the lowest id where areas overlap). When level-1 boundaries change or new level-1
-- areas arrive (an import of COD-AB boundaries), the rows under them, and the rows of the areas that changed, are
-- assigned again; a row no area holds any more keeps the area it had. Rows whose area stays the same are not touched.
CREATE FUNCTION admin_area_reassign() RETURNS trigger LANGUAGE plpgsql SET search_path = public, postgis AS $$
BEGIN
    WITH changed AS (SELECT admin_area_id, geom FROM new_rows WHERE level = 1),
    rows_concerned AS (
        SELECT h.hazard_id, h.iso3, h.anchor AS p FROM hazard h WHERE h.admin_area_id IN (SELECT admin_area_id FROM changed)
        UNION
        SELECT h.hazard_id, h.iso3, h.anchor FROM hazard h JOIN changed c ON h.anchor && c.geom AND ST_Intersects(c.geom, h.anchor)
    ),
    assigned AS (
        SELECT r.hazard_id, (SELECT a.admin_area_id FROM admin_area a WHERE a.level = 1 AND a.iso3 = r.iso3
                             AND a.geom && r.p AND ST_Intersects(a.geom, r.p) ORDER BY a.admin_area_id LIMIT 1) AS admin_area_id
        FROM rows_concerned r
    )
    UPDATE hazard h SET admin_area_id = s.admin_area_id FROM assigned s
    WHERE h.hazard_id = s.hazard_id AND s.admin_area_id IS NOT NULL AND h.admin_area_id IS DISTINCT FROM s.admin_area_id;

    WITH changed AS (SELECT admin_area_id, geom FROM new_rows WHERE level = 1),
    rows_concerned AS (
        SELECT c.casualty_id, c.iso3, c.geom AS p FROM casualty c WHERE c.admin_area_id IN (SELECT admin_area_id FROM changed)
        UNION
        SELECT c.casualty_id, c.iso3, c.geom FROM casualty c JOIN changed x ON c.geom && x.geom AND ST_Intersects(x.geom, c.geom)
    ),
    assigned AS (
        SELECT r.casualty_id, (SELECT a.admin_area_id FROM admin_area a WHERE a.level = 1 AND a.iso3 = r.iso3
                               AND a.geom && r.p AND ST_Intersects(a.geom, r.p) ORDER BY a.admin_area_id LIMIT 1) AS admin_area_id
        FROM rows_concerned r
    )
    UPDATE casualty c SET admin_area_id = s.admin_area_id FROM assigned s
    WHERE c.casualty_id = s.casualty_id AND s.admin_area_id IS NOT NULL AND c.admin_area_id IS DISTINCT FROM s.admin_area_id;
    RETURN NULL;
END $$;
CREATE TRIGGER admin_area_reassign_inserted AFTER INSERT ON admin_area REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION admin_area_reassign();
CREATE TRIGGER admin_area_reassign_updated AFTER UPDATE ON admin_area REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION admin_area_reassign();
