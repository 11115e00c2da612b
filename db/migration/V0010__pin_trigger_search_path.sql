-- Trigger functions call PostGIS (schema postgis) without a schema name. The app's connections put postgis
-- on the search path, but a DBA's psql, ogr2ogr -append or a backup restore may not: with the path pinned
-- on the functions, writing hazards, casualties or proposals works from any session.
ALTER FUNCTION tile_invalidate() SET search_path = public, postgis;
ALTER FUNCTION proposal_footprint_of(bigint) SET search_path = public, postgis;
ALTER FUNCTION proposal_location_changed() SET search_path = public, postgis;
ALTER FUNCTION proposal_geom_changed() SET search_path = public, postgis;
ALTER FUNCTION hazard_summary_apply() SET search_path = public, postgis;
ALTER FUNCTION casualty_summary_apply() SET search_path = public, postgis;
ALTER FUNCTION funding_flow_changed() SET search_path = public, postgis;
ALTER FUNCTION proposal_funding_refresh(bigint[]) SET search_path = public, postgis;
