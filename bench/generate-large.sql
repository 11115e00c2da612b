-- The large synthetic dataset of the map benchmark (all rows synthetic = true), on top of the demo data:
-- :hazards hazard polygons, :casualties casualty points and :proposals proposals spread over the admin-1
-- areas of the real sub-cluster countries. Run by org.clearway.bench.Bench generate, in one transaction.
SELECT setseed(0.42);

CREATE TEMP TABLE bench_area ON COMMIT DROP AS
SELECT a.admin_area_id, a.iso3, a.geom, ST_Area(a.geom) AS deg2
FROM admin_area a JOIN subcluster s ON s.iso3 = a.iso3 WHERE a.level = 1;

-- points per area proportional to its size
INSERT INTO hazard (iso3, admin_area_id, hazard_type, contamination_type, status, name, geom, area_m2, recorded_date, synthetic, source)
SELECT b.iso3, b.admin_area_id,
       CASE WHEN random() < 0.55 THEN 'SHA' ELSE 'CHA' END,
       (ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'UXO', 'AXO', 'IED', 'MIXED'])[1 + floor(random() * 7)::int],
       CASE WHEN random() < 0.75 THEN 'ACTIVE' ELSE 'PARTIALLY_RELEASED' END,
       NULL, g.geom, round(ST_Area(g.geom::geography)::numeric, 1), DATE '2020-01-01' + floor(random() * 2000)::int,
       true, 'benchmark: synthetic'
FROM bench_area b
CROSS JOIN LATERAL (
    SELECT ST_Multi(ST_Buffer(p.geom, 0.0015 + random() * 0.006, 'quad_segs=2')) AS geom
    FROM ST_Dump(ST_GeneratePoints(b.geom, greatest(1, round(:hazards * b.deg2 / (SELECT sum(deg2) FROM bench_area)))::int, 11)) p
) g;

INSERT INTO casualty (iso3, admin_area_id, incident_date, outcome, civilian, sex, age_group, device_type, geom, synthetic, source)
SELECT b.iso3, b.admin_area_id, DATE '2021-01-01' + floor(random() * 1800)::int,
       CASE WHEN random() < 0.31 THEN 'KILLED' ELSE 'INJURED' END, random() < 0.88,
       (ARRAY['MALE', 'MALE', 'FEMALE', 'UNKNOWN'])[1 + floor(random() * 4)::int],
       (ARRAY['CHILD', 'ADULT', 'ADULT', 'OLDER', 'UNKNOWN'])[1 + floor(random() * 5)::int],
       (ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'UXO', 'AXO', 'IED', 'UNKNOWN'])[1 + floor(random() * 7)::int],
       p.geom, true, 'benchmark: synthetic'
FROM bench_area b
CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(b.geom, greatest(1, round(:casualties * b.deg2 / (SELECT sum(deg2) FROM bench_area)))::int, 13)) p;

CREATE TEMP TABLE bench_proposal ON COMMIT DROP AS
SELECT rp.response_plan_id, s.subcluster_id, rp.iso3, rp.code AS plan_code, n,
       (SELECT organisation_id FROM organisation WHERE org_type IN ('INGO', 'UN', 'NNGO')
        ORDER BY md5(organisation_id::text || rp.code || n) LIMIT 1) AS organisation_id
FROM response_plan rp JOIN subcluster s ON s.iso3 = rp.iso3
CROSS JOIN LATERAL generate_series(1, ceil(:proposals / (SELECT count(*) FROM response_plan))::int) n;

INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status, gam_code, synthetic)
SELECT b.response_plan_id, b.subcluster_id, b.organisation_id, b.plan_code || '-BENCH-' || b.n, 'Benchmark proposal ' || b.n,
       round((100000 + random() * 2900000)::numeric, -3),
       (ARRAY['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'PUBLISHED', 'PUBLISHED', 'CLOSED', 'REJECTED'])[1 + floor(random() * 8)::int],
       floor(random() * 5)::smallint, true
FROM bench_proposal b;

INSERT INTO proposal_activity (proposal_id, activity)
SELECT p.proposal_id, (ARRAY['SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE', 'CAPACITY_BUILDING'])[1 + (p.proposal_id % 4)::int]
FROM proposal p WHERE p.code LIKE '%-BENCH-%';

INSERT INTO proposal_location (proposal_id, admin_area_id)
SELECT p.proposal_id, a.admin_area_id
FROM proposal p JOIN subcluster s ON s.subcluster_id = p.subcluster_id
CROSS JOIN LATERAL (SELECT admin_area_id FROM admin_area a WHERE a.iso3 = s.iso3 AND a.level = 1
                    ORDER BY md5(a.pcode || p.proposal_id) LIMIT 1 + (p.proposal_id % 3)::int) a
WHERE p.code LIKE '%-BENCH-%';

INSERT INTO funding_flow (source_organisation_id, destination_organisation_id, proposal_id, response_plan_id, amount_usd, flow_date, status, synthetic)
SELECT (SELECT organisation_id FROM organisation WHERE org_type = 'DONOR' ORDER BY md5(organisation_id::text || p.proposal_id) LIMIT 1),
       p.organisation_id, p.proposal_id, p.response_plan_id, round(p.requirements_usd * (0.2 + random() * 0.6)::numeric, 2),
       DATE '2025-03-01', 'PAID', true
FROM proposal p WHERE p.code LIKE '%-BENCH-%' AND p.status IN ('APPROVED', 'PUBLISHED', 'CLOSED');

ANALYZE;
