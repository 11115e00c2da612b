-- Imports are staged in the database, not in one app instance's memory: any instance can show the preview,
-- commit (one transaction) or cancel a job, and a failed commit leaves the staged rows to try again.
CREATE TABLE import_job (
    import_job_id bigserial PRIMARY KEY,
    target        text NOT NULL CHECK (target IN ('HAZARDS', 'CASUALTIES', 'ADMIN_AREAS')),
    file_name     text NOT NULL,
    format        text NOT NULL CHECK (format IN ('GEOJSON', 'GPKG', 'CSV', 'SHAPEFILE')),
    sha256        text NOT NULL,
    source_srid   integer,
    attributes    text[] NOT NULL DEFAULT '{}',
    mapping       jsonb,
    status        text NOT NULL DEFAULT 'STAGED' CHECK (status IN ('STAGED', 'VALIDATED', 'COMMITTED', 'CANCELLED')),
    rows_total    integer NOT NULL DEFAULT 0,
    rows_ok       integer NOT NULL DEFAULT 0,
    rows_repaired integer NOT NULL DEFAULT 0,
    rows_rejected integer NOT NULL DEFAULT 0,
    warnings      text[] NOT NULL DEFAULT '{}',
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    committed_at  timestamptz
);
CREATE INDEX import_job_sha_idx ON import_job (sha256, target) WHERE status = 'COMMITTED';

-- Unlogged: staged rows are a working copy of the uploaded file, rebuilt from it if the server crashes.
CREATE UNLOGGED TABLE import_staging (
    import_job_id bigint NOT NULL REFERENCES import_job ON DELETE CASCADE,
    row_no        integer NOT NULL,
    geom          postgis.geometry,
    attrs         jsonb NOT NULL DEFAULT '{}',
    geom4326      postgis.geometry,
    vals          jsonb,
    iso3          char(3),
    admin_area_id bigint,
    row_status    text CHECK (row_status IN ('OK', 'REPAIRED', 'REJECTED')),
    reason_key    text,
    reason_arg    text,
    PRIMARY KEY (import_job_id, row_no)
);

-- Casts that answer NULL instead of failing, so one bad cell rejects its row with a reason, not the whole file.
CREATE FUNCTION import_try_date(t text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t::date;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION import_try_numeric(t text) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t::numeric;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION import_try_transform(g postgis.geometry) RETURNS postgis.geometry LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN postgis.ST_Transform(postgis.ST_Force2D(g), 4326);
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
