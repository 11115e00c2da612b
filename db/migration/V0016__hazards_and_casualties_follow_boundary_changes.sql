-- Hazards and casualties belong to the admin-1 area their point lies in (a hazard's anchor, a casualty's location),
-- as the importer assigns them (the lowest id where areas overlap). When level-1 boundaries change or new level-1
-- areas arrive (an import of COD-AB boundaries), the rows under them, and the rows of the areas that changed, are
-- assigned again; a row no area holds any more keeps the area it had. Rows whose area stays the same are not touched,
-- and an update that leaves the boundaries as they were (a renamed area) looks at no row.
CREATE FUNCTION admin_area_reassign() RETURNS trigger LANGUAGE plpgsql SET search_path = public, postgis AS $$
DECLARE
    t record;
    changed text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT admin_area_id, geom FROM new_rows WHERE level = 1'
        ELSE 'SELECT n.admin_area_id, n.geom FROM new_rows n JOIN old_rows o USING (admin_area_id)
              WHERE n.level = 1 AND o.geom IS DISTINCT FROM n.geom' END;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('hazard', 'hazard_id', 'anchor'), ('casualty', 'casualty_id', 'geom')) v(tbl, id, point) LOOP
        EXECUTE format($q$
            WITH changed AS (%4$s),
            concerned AS (
                SELECT r.%2$I AS id, r.iso3, r.%3$I AS p FROM %1$I r WHERE r.admin_area_id IN (SELECT admin_area_id FROM changed)
                UNION
                SELECT r.%2$I, r.iso3, r.%3$I FROM %1$I r JOIN changed c ON r.%3$I && c.geom AND ST_Intersects(c.geom, r.%3$I)
            ),
            assigned AS (
                SELECT x.id, (SELECT a.admin_area_id FROM admin_area a WHERE a.level = 1 AND a.iso3 = x.iso3
                              AND a.geom && x.p AND ST_Intersects(a.geom, x.p) ORDER BY a.admin_area_id LIMIT 1) AS admin_area_id
                FROM concerned x
            )
            UPDATE %1$I r SET admin_area_id = s.admin_area_id FROM assigned s
            WHERE r.%2$I = s.id AND s.admin_area_id IS NOT NULL AND r.admin_area_id IS DISTINCT FROM s.admin_area_id
            $q$, t.tbl, t.id, t.point, changed);
    END LOOP;
    RETURN NULL;
END $$;
CREATE TRIGGER admin_area_reassign_inserted AFTER INSERT ON admin_area REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION admin_area_reassign();
CREATE TRIGGER admin_area_reassign_updated AFTER UPDATE ON admin_area REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION admin_area_reassign();
