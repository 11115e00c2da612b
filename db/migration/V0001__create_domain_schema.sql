-- Clearway domain schema. PostGIS lives in its own schema so jOOQ generates our tables only;
-- connections use search_path public,postgis (currentSchema in the JDBC URL).
CREATE SCHEMA IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA postgis;

-- Conventions: <table>_id primary keys, version on editable tables (optimistic locking),
-- geom columns typed with SRID 4326 and a GiST index, synthetic = demo data (shown as such in the UI),
-- source / as_of on public facts.

-- Reference: countries and admin areas -------------------------------------------------------------
CREATE TABLE country (
    iso3        char(3) PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
    name        text NOT NULL,
    name_fr     text,
    source      text NOT NULL
);

CREATE TABLE admin_area (
    admin_area_id bigserial PRIMARY KEY,
    level         smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
    pcode         text NOT NULL UNIQUE CHECK (pcode ~ '^[A-Z0-9]{2,20}$'),
    iso3          char(3) NOT NULL REFERENCES country,
    name          text NOT NULL,
    parent_id     bigint REFERENCES admin_area,
    geom          postgis.geometry(MultiPolygon, 4326) NOT NULL,
    synthetic     boolean NOT NULL DEFAULT false,
    source        text NOT NULL,
    CHECK ((level = 0) = (parent_id IS NULL)),
    CHECK (postgis.st_isvalid(geom))
);
CREATE INDEX admin_area_geom_idx ON admin_area USING gist (geom);
CREATE INDEX admin_area_iso3_idx ON admin_area (iso3, level);
CREATE INDEX admin_area_parent_idx ON admin_area (parent_id);

-- Organisations -------------------------------------------------------------------------------------
CREATE TABLE organisation (
    organisation_id bigserial PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    acronym         text,
    org_type        text NOT NULL CHECK (org_type IN ('UN', 'INGO', 'NNGO', 'GOVERNMENT', 'NMAA', 'DONOR', 'RED_CROSS', 'OTHER')),
    iacg_ma_role    text CHECK (iacg_ma_role IN ('CHAIR', 'MEMBER', 'OBSERVER')),
    iso3            char(3) REFERENCES country,
    website         text,
    source          text,
    synthetic       boolean NOT NULL DEFAULT false,
    version         bigint NOT NULL DEFAULT 1
);

-- Field sub-clusters ------------------------------------------------------------------------------------
CREATE TABLE subcluster (
    subcluster_id           bigserial PRIMARY KEY,
    iso3                    char(3) NOT NULL REFERENCES country,
    name                    text NOT NULL,
    lead_organisation_id    bigint REFERENCES organisation,
    co_lead_organisation_id bigint REFERENCES organisation,
    coordinator_name        text,
    coordinator_email       text CHECK (coordinator_email IS NULL OR coordinator_email ~ '^[^@\s]+@[^@\s]+$'),
    status                  text NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'DEACTIVATED')),
    active_from             date,
    active_to               date,
    geom                    postgis.geometry(MultiPolygon, 4326),
    source                  text,
    synthetic               boolean NOT NULL DEFAULT false,
    version                 bigint NOT NULL DEFAULT 1,
    UNIQUE (iso3, name),
    CHECK (active_to IS NULL OR active_from IS NULL OR active_to >= active_from),
    CHECK (co_lead_organisation_id IS NULL OR co_lead_organisation_id <> lead_organisation_id)
);
CREATE INDEX subcluster_geom_idx ON subcluster USING gist (geom);

-- Public facts on field coordination and plan figures, as compiled in shared/data (with sources).
CREATE TABLE field_coordination_fact (
    field_coordination_fact_id bigserial PRIMARY KEY,
    country        text NOT NULL,
    iso3           char(3) REFERENCES country,
    mechanism_name text NOT NULL,
    lead           text,
    co_lead        text,
    year           smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    source         text NOT NULL,
    UNIQUE (country, mechanism_name, year)
);

CREATE TABLE plan_figure_fact (
    plan_figure_fact_id bigserial PRIMARY KEY,
    year             smallint NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    country          text NOT NULL,
    iso3             char(3) REFERENCES country,
    people_in_need   bigint CHECK (people_in_need >= 0),
    people_targeted  bigint CHECK (people_targeted >= 0),
    requirements_usd numeric(16, 2) CHECK (requirements_usd >= 0),
    funded_usd       numeric(16, 2) CHECK (funded_usd >= 0),
    partners         integer CHECK (partners >= 0),
    source           text NOT NULL,
    UNIQUE (year, country, source)
);

-- Appeals: plans, proposals, reviews, funding ---------------------------------------------------------
CREATE TABLE response_plan (
    response_plan_id bigserial PRIMARY KEY,
    iso3             char(3) NOT NULL REFERENCES country,
    year             smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    plan_type        text NOT NULL CHECK (plan_type IN ('HRP', 'HNRP', 'FLASH_APPEAL', 'REGIONAL', 'OTHER')),
    name             text NOT NULL,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{3,12}$'),
    people_in_need   bigint CHECK (people_in_need >= 0),
    people_targeted  bigint CHECK (people_targeted >= 0),
    source           text,
    synthetic        boolean NOT NULL DEFAULT false,
    version          bigint NOT NULL DEFAULT 1,
    UNIQUE (iso3, year, plan_type)
);

CREATE TABLE proposal (
    proposal_id          bigserial PRIMARY KEY,
    response_plan_id     bigint NOT NULL REFERENCES response_plan,
    subcluster_id        bigint NOT NULL REFERENCES subcluster,
    organisation_id      bigint NOT NULL REFERENCES organisation,
    code                 text NOT NULL UNIQUE,
    title                text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 300),
    description          text,
    requirements_usd     numeric(14, 2) NOT NULL CHECK (requirements_usd >= 0),
    status               text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW',
                             'REVISION_REQUESTED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'CLOSED', 'WITHDRAWN')),
    gam_code             smallint CHECK (gam_code BETWEEN 0 AND 4),
    target_girls         integer NOT NULL DEFAULT 0 CHECK (target_girls >= 0),
    target_boys          integer NOT NULL DEFAULT 0 CHECK (target_boys >= 0),
    target_women         integer NOT NULL DEFAULT 0 CHECK (target_women >= 0),
    target_men           integer NOT NULL DEFAULT 0 CHECK (target_men >= 0),
    target_older_persons integer NOT NULL DEFAULT 0 CHECK (target_older_persons >= 0),
    target_pwd           integer NOT NULL DEFAULT 0 CHECK (target_pwd >= 0),
    start_date           date,
    end_date             date,
    geom                 postgis.geometry(MultiPolygon, 4326),
    synthetic            boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    version              bigint NOT NULL DEFAULT 1,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX proposal_plan_idx ON proposal (response_plan_id, status);
CREATE INDEX proposal_subcluster_idx ON proposal (subcluster_id, status);
CREATE INDEX proposal_org_idx ON proposal (organisation_id);
CREATE INDEX proposal_geom_idx ON proposal USING gist (geom);

CREATE TABLE proposal_activity (
    proposal_id bigint NOT NULL REFERENCES proposal ON DELETE CASCADE,
    activity    text NOT NULL CHECK (activity IN ('SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE',
                    'CAPACITY_BUILDING', 'ADVOCACY', 'COORDINATION')),
    PRIMARY KEY (proposal_id, activity)
);
CREATE INDEX proposal_activity_activity_idx ON proposal_activity (activity);

CREATE TABLE proposal_location (
    proposal_id   bigint NOT NULL REFERENCES proposal ON DELETE CASCADE,
    admin_area_id bigint NOT NULL REFERENCES admin_area,
    PRIMARY KEY (proposal_id, admin_area_id)
);
CREATE INDEX proposal_location_area_idx ON proposal_location (admin_area_id);

CREATE TABLE budget_line (
    budget_line_id bigserial PRIMARY KEY,
    proposal_id    bigint NOT NULL REFERENCES proposal ON DELETE CASCADE,
    position       smallint NOT NULL CHECK (position >= 0),
    description    text NOT NULL CHECK (length(btrim(description)) > 0),
    amount_usd     numeric(14, 2) NOT NULL CHECK (amount_usd >= 0),
    UNIQUE (proposal_id, position)
);

CREATE TABLE review_criterion (
    review_criterion_id bigserial PRIMARY KEY,
    subcluster_id       bigint REFERENCES subcluster,
    code                text NOT NULL,
    max_score           smallint NOT NULL DEFAULT 5 CHECK (max_score BETWEEN 1 AND 100),
    UNIQUE NULLS NOT DISTINCT (subcluster_id, code)
);

-- Users, roles and scope ---------------------------------------------------------------------------------
CREATE TABLE app_user (
    app_user_id     bigserial PRIMARY KEY,
    username        text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name    text NOT NULL,
    email           text,
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('ADMIN', 'GLOBAL_COORDINATOR', 'SUBCLUSTER_LEAD', 'PARTNER', 'DONOR')),
    organisation_id bigint REFERENCES organisation,
    locale          text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr', 'es', 'ar')),
    enabled         boolean NOT NULL DEFAULT true,
    synthetic       boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 1,
    CHECK (role <> 'PARTNER' OR organisation_id IS NOT NULL)
);

CREATE TABLE app_user_subcluster (
    app_user_id   bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    subcluster_id bigint NOT NULL REFERENCES subcluster ON DELETE CASCADE,
    PRIMARY KEY (app_user_id, subcluster_id)
);

-- Review committee members appointed per plan (besides the sub-cluster lead).
CREATE TABLE plan_reviewer (
    response_plan_id bigint NOT NULL REFERENCES response_plan ON DELETE CASCADE,
    app_user_id      bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    PRIMARY KEY (response_plan_id, app_user_id)
);

CREATE TABLE review (
    review_id    bigserial PRIMARY KEY,
    proposal_id  bigint NOT NULL REFERENCES proposal,
    reviewer_id  bigint NOT NULL REFERENCES app_user,
    decision     text CHECK (decision IN ('APPROVE', 'REQUEST_REVISION', 'REJECT')),
    comment      text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_proposal_idx ON review (proposal_id);

CREATE TABLE review_score (
    review_id           bigint NOT NULL REFERENCES review ON DELETE CASCADE,
    review_criterion_id bigint NOT NULL REFERENCES review_criterion,
    score               smallint NOT NULL CHECK (score >= 0),
    PRIMARY KEY (review_id, review_criterion_id)
);

CREATE TABLE proposal_transition (
    proposal_transition_id bigserial PRIMARY KEY,
    proposal_id   bigint NOT NULL REFERENCES proposal,
    from_status   text,
    to_status     text NOT NULL,
    actor_id      bigint REFERENCES app_user,
    comment       text,
    occurred_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_transition_proposal_idx ON proposal_transition (proposal_id, occurred_at);

CREATE TABLE funding_flow (
    funding_flow_id            bigserial PRIMARY KEY,
    source_organisation_id     bigint NOT NULL REFERENCES organisation,
    destination_organisation_id bigint NOT NULL REFERENCES organisation,
    proposal_id                bigint REFERENCES proposal,
    response_plan_id           bigint REFERENCES response_plan,
    amount_usd                 numeric(16, 2) NOT NULL CHECK (amount_usd > 0),
    original_amount            numeric(16, 2),
    original_currency          char(3) CHECK (original_currency ~ '^[A-Z]{3}$'),
    flow_date                  date NOT NULL,
    status                     text NOT NULL CHECK (status IN ('PLEDGE', 'COMMITMENT', 'PAID')),
    fts_flow_id                text UNIQUE,
    description                text,
    synthetic                  boolean NOT NULL DEFAULT false,
    version                    bigint NOT NULL DEFAULT 1
);
CREATE INDEX funding_flow_proposal_idx ON funding_flow (proposal_id);
CREATE INDEX funding_flow_plan_idx ON funding_flow (response_plan_id);

-- Contamination, land release, casualties, risk education -------------------------------------------------
CREATE TABLE hazard (
    hazard_id          bigserial PRIMARY KEY,
    iso3               char(3) NOT NULL REFERENCES country,
    admin_area_id      bigint REFERENCES admin_area,
    hazard_type        text NOT NULL CHECK (hazard_type IN ('SHA', 'CHA')),
    contamination_type text NOT NULL CHECK (contamination_type IN ('AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION',
                           'UXO', 'AXO', 'IED', 'MIXED')),
    status             text NOT NULL CHECK (status IN ('ACTIVE', 'PARTIALLY_RELEASED', 'RELEASED')),
    name               text,
    external_ref       text,
    geom               postgis.geometry(MultiPolygon, 4326) NOT NULL,
    area_m2            numeric(16, 1) NOT NULL CHECK (area_m2 >= 0),
    recorded_date      date,
    synthetic          boolean NOT NULL DEFAULT false,
    source             text,
    version            bigint NOT NULL DEFAULT 1
);
CREATE INDEX hazard_geom_idx ON hazard USING gist (geom);
CREATE INDEX hazard_iso3_idx ON hazard (iso3, hazard_type, status);
CREATE INDEX hazard_area_idx ON hazard (admin_area_id);

CREATE TABLE land_release (
    land_release_id bigserial PRIMARY KEY,
    hazard_id       bigint NOT NULL REFERENCES hazard,
    method          text NOT NULL CHECK (method IN ('CANCELLED', 'REDUCED', 'CLEARED')),
    area_m2         numeric(16, 1) NOT NULL CHECK (area_m2 > 0),
    release_date    date NOT NULL,
    organisation_id bigint REFERENCES organisation,
    geom            postgis.geometry(MultiPolygon, 4326),
    synthetic       boolean NOT NULL DEFAULT false,
    source          text
);
CREATE INDEX land_release_hazard_idx ON land_release (hazard_id);
CREATE INDEX land_release_geom_idx ON land_release USING gist (geom);

CREATE TABLE casualty (
    casualty_id    bigserial PRIMARY KEY,
    iso3           char(3) NOT NULL REFERENCES country,
    admin_area_id  bigint REFERENCES admin_area,
    incident_date  date NOT NULL,
    outcome        text NOT NULL CHECK (outcome IN ('KILLED', 'INJURED')),
    civilian       boolean,
    sex            text NOT NULL DEFAULT 'UNKNOWN' CHECK (sex IN ('FEMALE', 'MALE', 'UNKNOWN')),
    age_group      text NOT NULL DEFAULT 'UNKNOWN' CHECK (age_group IN ('CHILD', 'ADULT', 'OLDER', 'UNKNOWN')),
    disability     boolean,
    device_type    text NOT NULL DEFAULT 'UNKNOWN' CHECK (device_type IN ('AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION',
                       'UXO', 'AXO', 'IED', 'UNKNOWN')),
    geom           postgis.geometry(Point, 4326) NOT NULL,
    synthetic      boolean NOT NULL DEFAULT false,
    source         text
);
CREATE INDEX casualty_geom_idx ON casualty USING gist (geom);
CREATE INDEX casualty_iso3_date_idx ON casualty (iso3, incident_date);

CREATE TABLE eore_session (
    eore_session_id bigserial PRIMARY KEY,
    organisation_id bigint REFERENCES organisation,
    iso3            char(3) NOT NULL REFERENCES country,
    admin_area_id   bigint REFERENCES admin_area,
    session_date    date NOT NULL,
    girls           integer NOT NULL DEFAULT 0 CHECK (girls >= 0),
    boys            integer NOT NULL DEFAULT 0 CHECK (boys >= 0),
    women           integer NOT NULL DEFAULT 0 CHECK (women >= 0),
    men             integer NOT NULL DEFAULT 0 CHECK (men >= 0),
    older_persons   integer NOT NULL DEFAULT 0 CHECK (older_persons >= 0),
    pwd             integer NOT NULL DEFAULT 0 CHECK (pwd >= 0),
    geom            postgis.geometry(Point, 4326) NOT NULL,
    synthetic       boolean NOT NULL DEFAULT false
);
CREATE INDEX eore_session_geom_idx ON eore_session USING gist (geom);

-- Treaties --------------------------------------------------------------------------------------------------
CREATE TABLE treaty (
    treaty_id        smallserial PRIMARY KEY,
    code             text NOT NULL UNIQUE CHECK (code ~ '^[A-Z_]{2,20}$'),
    name             text NOT NULL,
    parent_treaty_id smallint REFERENCES treaty,
    adopted_date     date,
    in_force_date    date,
    source           text NOT NULL
);

CREATE TABLE treaty_status (
    treaty_status_id bigserial PRIMARY KEY,
    iso3        char(3) NOT NULL REFERENCES country,
    treaty_id   smallint NOT NULL REFERENCES treaty,
    status      text NOT NULL CHECK (status IN ('PARTY', 'SIGNATORY', 'WITHDRAWAL_ANNOUNCED', 'WITHDRAWN', 'NOT_PARTY')),
    status_date date,
    note        text,
    source      text NOT NULL,
    as_of       date NOT NULL,
    version     bigint NOT NULL DEFAULT 1,
    UNIQUE (iso3, treaty_id)
);

-- APMBC Article 5 (clearance deadline, extensions) and Article 7 (transparency reports).
CREATE TABLE article5_obligation (
    article5_obligation_id bigserial PRIMARY KEY,
    iso3              char(3) NOT NULL UNIQUE REFERENCES country,
    original_deadline date,
    current_deadline  date,
    completed_date    date,
    source            text NOT NULL,
    as_of             date NOT NULL,
    synthetic         boolean NOT NULL DEFAULT false,
    version           bigint NOT NULL DEFAULT 1
);

CREATE TABLE article5_extension (
    article5_extension_id  bigserial PRIMARY KEY,
    article5_obligation_id bigint NOT NULL REFERENCES article5_obligation ON DELETE CASCADE,
    granted_date  date NOT NULL,
    new_deadline  date NOT NULL,
    source        text NOT NULL
);

CREATE TABLE article7_report (
    article7_report_id bigserial PRIMARY KEY,
    iso3           char(3) NOT NULL REFERENCES country,
    report_year    smallint NOT NULL CHECK (report_year BETWEEN 1999 AND 2100),
    submitted_date date,
    source         text NOT NULL,
    UNIQUE (iso3, report_year)
);

-- The APMBC Committee on the Enhancement of Cooperation and Assistance --------------------------------------
CREATE TABLE committee (
    committee_id smallserial PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name         text NOT NULL,
    treaty_id    smallint NOT NULL REFERENCES treaty,
    source       text NOT NULL
);

CREATE TABLE committee_mandate_item (
    committee_id smallint NOT NULL REFERENCES committee,
    item_no      smallint NOT NULL CHECK (item_no > 0),
    kind         text NOT NULL CHECK (kind IN ('ROLE', 'MANDATE', 'COMPOSITION', 'WORKING_METHOD')),
    text_en      text NOT NULL,
    text_fr      text,
    source       text NOT NULL,
    PRIMARY KEY (committee_id, kind, item_no)
);

CREATE TABLE committee_term (
    committee_term_id   bigserial PRIMARY KEY,
    committee_id        smallint NOT NULL REFERENCES committee,
    iso3                char(3) NOT NULL REFERENCES country,
    year_from           smallint NOT NULL CHECK (year_from BETWEEN 1999 AND 2100),
    year_to             smallint NOT NULL,
    affected_state      boolean NOT NULL DEFAULT false,
    assistance_provider boolean NOT NULL DEFAULT false,
    source              text NOT NULL,
    inferred            boolean NOT NULL DEFAULT false,
    version             bigint NOT NULL DEFAULT 1,
    CHECK (year_to BETWEEN year_from AND year_from + 1),
    UNIQUE (committee_id, iso3, year_from)
);

CREATE TABLE committee_role (
    committee_id smallint NOT NULL REFERENCES committee,
    year         smallint NOT NULL,
    role         text NOT NULL CHECK (role IN ('CHAIR', 'GENDER_FOCAL_POINT')),
    iso3         char(3) NOT NULL REFERENCES country,
    source       text NOT NULL,
    PRIMARY KEY (committee_id, year, role)
);

CREATE TABLE meeting (
    meeting_id   bigserial PRIMARY KEY,
    meeting_type text NOT NULL CHECK (meeting_type IN ('INTERSESSIONAL', 'MSP', 'REVIEW_CONFERENCE', 'NDM_UN', 'COMMITTEE', 'OTHER')),
    name         text NOT NULL,
    start_date   date NOT NULL,
    end_date     date,
    location     text,
    source       text,
    synthetic    boolean NOT NULL DEFAULT false,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE observation (
    observation_id bigserial PRIMARY KEY,
    committee_id   smallint NOT NULL REFERENCES committee,
    meeting_id     bigint REFERENCES meeting,
    kind           text NOT NULL CHECK (kind IN ('PRELIMINARY_OBSERVATION', 'CONCLUSION', 'RECOMMENDATION', 'REPORT')),
    text           text NOT NULL,
    source         text,
    synthetic      boolean NOT NULL DEFAULT false,
    version        bigint NOT NULL DEFAULT 1
);

-- Partnership platform -----------------------------------------------------------------------------------------
CREATE TABLE partnership_request (
    partnership_request_id bigserial PRIMARY KEY,
    iso3              char(3) NOT NULL REFERENCES country,
    theme             text NOT NULL CHECK (theme IN ('SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE',
                          'STOCKPILE_DESTRUCTION', 'CAPACITY_BUILDING')),
    title             text NOT NULL,
    description       text,
    amount_sought_usd numeric(16, 2) CHECK (amount_sought_usd >= 0),
    period_start      date,
    period_end        date,
    geom              postgis.geometry(MultiPolygon, 4326),
    status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MATCHED', 'CLOSED')),
    synthetic         boolean NOT NULL DEFAULT false,
    version           bigint NOT NULL DEFAULT 1,
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX partnership_request_geom_idx ON partnership_request USING gist (geom);

CREATE TABLE partnership_offer (
    partnership_offer_id     bigserial PRIMARY KEY,
    provider_iso3            char(3) REFERENCES country,
    provider_organisation_id bigint REFERENCES organisation,
    title                    text NOT NULL,
    description              text,
    budget_usd               numeric(16, 2) CHECK (budget_usd >= 0),
    period_start             date,
    period_end               date,
    geom                     postgis.geometry(MultiPolygon, 4326),
    status                   text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'COMMITTED', 'CLOSED')),
    synthetic                boolean NOT NULL DEFAULT false,
    version                  bigint NOT NULL DEFAULT 1,
    CHECK (provider_iso3 IS NOT NULL OR provider_organisation_id IS NOT NULL),
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX partnership_offer_geom_idx ON partnership_offer USING gist (geom);

CREATE TABLE partnership_offer_theme (
    partnership_offer_id bigint NOT NULL REFERENCES partnership_offer ON DELETE CASCADE,
    theme                text NOT NULL CHECK (theme IN ('SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE',
                             'STOCKPILE_DESTRUCTION', 'CAPACITY_BUILDING')),
    PRIMARY KEY (partnership_offer_id, theme)
);

CREATE TABLE partnership_match (
    partnership_match_id   bigserial PRIMARY KEY,
    partnership_request_id bigint NOT NULL REFERENCES partnership_request,
    partnership_offer_id   bigint NOT NULL REFERENCES partnership_offer,
    score                  numeric(6, 3) NOT NULL,
    reason                 text NOT NULL,
    status                 text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'IN_DISCUSSION', 'AGREED',
                               'DELIVERED', 'DECLINED')),
    synthetic              boolean NOT NULL DEFAULT false,
    version                bigint NOT NULL DEFAULT 1,
    UNIQUE (partnership_request_id, partnership_offer_id)
);

-- Action plans (Oslo Action Plan, Siem Reap-Angkor Action Plan) -------------------------------------------------
CREATE TABLE action_plan (
    action_plan_id smallserial PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    name           text NOT NULL,
    treaty_id      smallint NOT NULL REFERENCES treaty,
    adopted_date   date,
    year_from      smallint NOT NULL,
    year_to        smallint NOT NULL CHECK (year_to >= year_from),
    source         text NOT NULL
);

CREATE TABLE action_plan_section (
    action_plan_section_id serial PRIMARY KEY,
    action_plan_id smallint NOT NULL REFERENCES action_plan,
    section_no     text NOT NULL,
    title          text NOT NULL,
    UNIQUE (action_plan_id, section_no)
);

CREATE TABLE action (
    action_id              serial PRIMARY KEY,
    action_plan_id         smallint NOT NULL REFERENCES action_plan,
    action_plan_section_id integer REFERENCES action_plan_section,
    action_no              smallint NOT NULL CHECK (action_no > 0),
    summary                text,
    source                 text NOT NULL,
    version                bigint NOT NULL DEFAULT 1,
    UNIQUE (action_plan_id, action_no)
);

CREATE TABLE action_progress (
    action_progress_id bigserial PRIMARY KEY,
    action_id  integer NOT NULL REFERENCES action,
    iso3       char(3) NOT NULL REFERENCES country,
    year       smallint NOT NULL CHECK (year BETWEEN 2019 AND 2100),
    status     text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_APPLICABLE', 'NO_INFORMATION')),
    note       text,
    source     text,
    synthetic  boolean NOT NULL DEFAULT false,
    version    bigint NOT NULL DEFAULT 1,
    UNIQUE (action_id, iso3, year)
);

-- Audit log (append-only) and loaded datasets ----------------------------------------------------------------
CREATE TABLE audit_event (
    audit_event_id bigserial PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL,
    action         text NOT NULL,
    entity         text NOT NULL,
    entity_id      text,
    before_state   jsonb,
    after_state    jsonb,
    detail         text
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, occurred_at);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TABLE dataset_load (
    dataset    text PRIMARY KEY,
    checksum   text NOT NULL,
    rows       integer NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    source     text NOT NULL
);
