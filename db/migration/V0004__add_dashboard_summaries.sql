-- Summary tables for the dashboards, kept up to date in the same transaction as the data they
-- summarise (statement-level triggers with transition tables), so a dashboard reads a few hundred
-- rows instead of aggregating a million hazards per request.

CREATE TABLE hazard_area_summary (
    iso3               char(3) NOT NULL,
    contamination_type text NOT NULL,
    hazards            bigint NOT NULL,
    area_m2            numeric(20, 1) NOT NULL,
    PRIMARY KEY (iso3, contamination_type)
);

CREATE TABLE casualty_summary (
    iso3        char(3) NOT NULL,
    year        smallint NOT NULL,
    grp         text NOT NULL,
    casualties  bigint NOT NULL,
    PRIMARY KEY (iso3, year, grp)
);

-- The dashboards' casualty groups.
CREATE FUNCTION casualty_group(civilian boolean, age_group text, sex text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN civilian IS NULL THEN 'UNKNOWN_STATUS' WHEN NOT civilian THEN 'NON_CIVILIAN'
                WHEN age_group = 'CHILD' THEN 'CHILD' WHEN age_group = 'ADULT' AND sex = 'FEMALE' THEN 'WOMAN'
                WHEN age_group = 'ADULT' AND sex = 'MALE' THEN 'MAN' ELSE 'OTHER_CIVILIAN' END
$$;

CREATE FUNCTION hazard_summary_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO hazard_area_summary AS s (iso3, contamination_type, hazards, area_m2)
        SELECT iso3, contamination_type, -count(*), -sum(area_m2) FROM old_rows WHERE status <> 'RELEASED' GROUP BY 1, 2
        ON CONFLICT (iso3, contamination_type) DO UPDATE
            SET hazards = s.hazards + EXCLUDED.hazards, area_m2 = s.area_m2 + EXCLUDED.area_m2;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO hazard_area_summary AS s (iso3, contamination_type, hazards, area_m2)
        SELECT iso3, contamination_type, count(*), sum(area_m2) FROM new_rows WHERE status <> 'RELEASED' GROUP BY 1, 2
        ON CONFLICT (iso3, contamination_type) DO UPDATE
            SET hazards = s.hazards + EXCLUDED.hazards, area_m2 = s.area_m2 + EXCLUDED.area_m2;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER hazard_summary_ins AFTER INSERT ON hazard REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hazard_summary_apply();
CREATE TRIGGER hazard_summary_upd AFTER UPDATE ON hazard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hazard_summary_apply();
CREATE TRIGGER hazard_summary_del AFTER DELETE ON hazard REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hazard_summary_apply();

CREATE FUNCTION casualty_summary_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO casualty_summary AS s (iso3, year, grp, casualties)
        SELECT iso3, extract(year FROM incident_date)::smallint, casualty_group(civilian, age_group, sex), -count(*)
        FROM old_rows GROUP BY 1, 2, 3
        ON CONFLICT (iso3, year, grp) DO UPDATE SET casualties = s.casualties + EXCLUDED.casualties;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO casualty_summary AS s (iso3, year, grp, casualties)
        SELECT iso3, extract(year FROM incident_date)::smallint, casualty_group(civilian, age_group, sex), count(*)
        FROM new_rows GROUP BY 1, 2, 3
        ON CONFLICT (iso3, year, grp) DO UPDATE SET casualties = s.casualties + EXCLUDED.casualties;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER casualty_summary_ins AFTER INSERT ON casualty REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION casualty_summary_apply();
CREATE TRIGGER casualty_summary_upd AFTER UPDATE ON casualty REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION casualty_summary_apply();
CREATE TRIGGER casualty_summary_del AFTER DELETE ON casualty REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION casualty_summary_apply();

-- Existing rows (databases migrated after data was loaded).
INSERT INTO hazard_area_summary (iso3, contamination_type, hazards, area_m2)
SELECT iso3, contamination_type, count(*), sum(area_m2) FROM hazard WHERE status <> 'RELEASED' GROUP BY 1, 2;
INSERT INTO casualty_summary (iso3, year, grp, casualties)
SELECT iso3, extract(year FROM incident_date)::smallint, casualty_group(civilian, age_group, sex), count(*) FROM casualty GROUP BY 1, 2, 3;

CREATE INDEX response_plan_year_idx ON response_plan (year);
