-- Tables the tile functions read that left no change record, so cached tiles outlived their changes (up to the
-- cache's one-hour safety net): a proposal's activities (the proposals layer's activity filter), organisations
-- (the names on proposals and on sub-cluster leads) and response plans (the year filter of proposals, and the
-- funding gap by admin area per year). None has a geometry: the whole layers are dropped, as for funding.
CREATE TRIGGER proposal_activity_tiles AFTER INSERT OR UPDATE OR DELETE ON proposal_activity
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals', 'none');
CREATE TRIGGER organisation_tiles AFTER INSERT OR UPDATE OR DELETE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,subclusters', 'none');
CREATE TRIGGER response_plan_tiles AFTER INSERT OR UPDATE OR DELETE ON response_plan
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('proposals,admin1', 'none');
