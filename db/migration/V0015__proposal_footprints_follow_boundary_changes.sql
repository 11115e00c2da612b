-- A proposal's footprint is the union of its admin areas (V0003): when an area's boundary changes (an import of
-- COD-AB boundaries updates areas by P-code), the footprints of the proposals located there follow, and with them
-- the proposal tiles, deconfliction and coverage gaps.
CREATE FUNCTION admin_area_geom_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = public, postgis AS $$
BEGIN
    UPDATE proposal p SET footprint = proposal_footprint_of(p.proposal_id)
    WHERE p.proposal_id IN (SELECT l.proposal_id FROM proposal_location l
                            JOIN new_rows n ON n.admin_area_id = l.admin_area_id
                            JOIN old_rows o ON o.admin_area_id = n.admin_area_id
                            WHERE o.geom IS DISTINCT FROM n.geom);
    RETURN NULL;
END $$;
CREATE TRIGGER admin_area_geom_changed AFTER UPDATE ON admin_area REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION admin_area_geom_changed();
