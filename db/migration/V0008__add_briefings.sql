-- A Geneva donor briefing: its scope (global, or one sub-cluster), plan year and the narrative the coordinator
-- wrote. The PDF and the presentation are generated from it and from live figures, on any app instance.
CREATE TABLE briefing (
    briefing_id   bigserial PRIMARY KEY,
    subcluster_id bigint REFERENCES subcluster,
    year          smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title         text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
    narrative     text NOT NULL DEFAULT '' CHECK (length(narrative) <= 20000),
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 1
);
