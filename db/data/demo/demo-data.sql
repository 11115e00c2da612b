-- Clearway demo data. Loaded once, on first start of an empty database, by DemoDataLoader,
-- in one transaction, after the reference data (countries, treaties) and after the admin-1 seeds
-- (db/data/admin1_seeds.csv) were put in the temporary table demo_admin1_seed.
--
-- REAL: organisations and their IACG-MA roles (seed 003), sub-clusters found in
-- db/data/reference/ma_aor_field_coordination.csv (with their source).
-- SYNTHETIC (synthetic = true, shown as "demo data" in the UI): admin-1 polygons, coordinators,
-- response plans, proposals, funding, hazards, land release, casualties, EORE sessions,
-- partnership requests/offers, action progress, the demo users.
-- Randomness is seeded, so every load gives the same data.
SELECT setseed(0.2026);

-- Admin-1: synthetic Voronoi cells around real provincial capitals, clipped to the country outline.
CREATE TEMP TABLE demo_admin1_cell ON COMMIT DROP AS
WITH country AS (
    SELECT a.admin_area_id, a.iso3, a.geom FROM admin_area a
    WHERE a.level = 0 AND a.iso3 IN (SELECT DISTINCT iso3 FROM demo_admin1_seed)
), cells AS (
    SELECT c.admin_area_id AS parent_id, c.iso3, c.geom AS country_geom,
           (ST_Dump(ST_VoronoiPolygons(ST_Collect(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)), 0.0,
                                       ST_Expand(c.geom, 1.0)))).geom AS cell
    FROM country c JOIN demo_admin1_seed s ON s.iso3 = c.iso3
    GROUP BY c.admin_area_id, c.iso3, c.geom
)
SELECT s.pcode, s.name, s.iso3, s.pcode_status, cells.parent_id,
       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(cells.cell, cells.country_geom)), 3)) AS geom
FROM cells JOIN demo_admin1_seed s
  ON s.iso3 = cells.iso3 AND ST_Contains(cells.cell, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326));

INSERT INTO admin_area (level, pcode, iso3, name, parent_id, geom, synthetic, source)
SELECT 1, pcode, iso3, name, parent_id, geom, true,
       'synthetic boundary: Voronoi cell around the real capital of ' || name || ', clipped to the Natural Earth outline; P-code '
       || CASE WHEN pcode_status = 'cod-ab' THEN 'as in OCHA COD-AB' ELSE 'synthetic' END
FROM demo_admin1_cell
WHERE NOT ST_IsEmpty(geom)
ON CONFLICT (pcode) DO NOTHING;

-- Organisations (real). IACG-MA membership as listed by UNMAS Geneva (shared/seeds/003).
INSERT INTO organisation (name, acronym, org_type, iacg_ma_role, iso3, source) VALUES
 ('United Nations Mine Action Service', 'UNMAS', 'UN', 'CHAIR', NULL, 'UNMAS Geneva web page (IACG-MA chair: DPO/UNMAS)'),
 ('United Nations Development Programme', 'UNDP', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('United Nations Children''s Fund', 'UNICEF', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('Office of the UN High Commissioner for Refugees', 'UNHCR', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('UN Office for Project Services', 'UNOPS', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('Food and Agriculture Organization', 'FAO', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('World Food Programme', 'WFP', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('UN Office for the Coordination of Humanitarian Affairs', 'OCHA', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('UN Office for Disarmament Affairs', 'UNODA', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('Office of the UN High Commissioner for Human Rights', 'OHCHR', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('UN Entity for Gender Equality and the Empowerment of Women', 'UN Women', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('World Health Organization', 'WHO', 'UN', 'MEMBER', NULL, 'UNMAS Geneva web page (IACG-MA members)'),
 ('United Nations Institute for Disarmament Research', 'UNIDIR', 'UN', 'OBSERVER', NULL, 'UNMAS Geneva web page (IACG-MA observer)'),
 ('World Bank', 'WB', 'OTHER', 'OBSERVER', NULL, 'UNMAS Geneva web page (IACG-MA observer)'),
 ('The HALO Trust', 'HALO', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Mines Advisory Group', 'MAG', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Danish Refugee Council', 'DRC', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Humanity & Inclusion', 'HI', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Norwegian People''s Aid', 'NPA', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Swiss Foundation for Mine Action', 'FSD', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('DanChurchAid', 'DCA', 'INGO', NULL, NULL, 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('Ukrainian Deminers Association', 'UDA', 'NNGO', NULL, 'UKR', 'public knowledge; Ukraine MA AoR partner (DOMAIN.md)'),
 ('NADA Elazhar', 'NADA Elazhar', 'NNGO', NULL, 'SDN', 'ma_aor_field_coordination.csv (Sudan MA AoR co-lead, 2024-2025)'),
 ('National Mine Action Authority of Ukraine', 'NMAA-UA', 'NMAA', NULL, 'UKR', 'public knowledge (national authority)'),
 ('Yemen Executive Mine Action Center', 'YEMAC', 'NMAA', NULL, 'YEM', 'public knowledge (national authority)'),
 ('Directorate of Mine Action Coordination (Afghanistan)', 'DMAC', 'NMAA', NULL, 'AFG', 'public knowledge (national authority)'),
 ('Directorate of Mine Action (Iraq)', 'DMA', 'NMAA', NULL, 'IRQ', 'public knowledge (national authority)'),
 ('Somali Explosive Management Authority', 'SEMA', 'NMAA', NULL, 'SOM', 'public knowledge (national authority)'),
 ('National Mine Action Center (Sudan)', 'NMAC', 'NMAA', NULL, 'SDN', 'public knowledge (national authority)'),
 ('Department of Rehabilitation (Myanmar)', 'DoR', 'GOVERNMENT', NULL, 'MMR', 'ma_aor_field_coordination.csv (Myanmar MRWG lead)'),
 ('International Committee of the Red Cross', 'ICRC', 'RED_CROSS', NULL, NULL, 'public knowledge'),
 ('United States of America (Department of State, PM/WRA)', 'US', 'DONOR', NULL, 'USA', 'Landmine Monitor: largest donor'),
 ('European Union', 'EU', 'DONOR', NULL, NULL, 'Landmine Monitor: second largest donor'),
 ('Germany (Federal Foreign Office)', 'DE', 'DONOR', NULL, 'DEU', 'Landmine Monitor: top-5 donor 2020'),
 ('Japan', 'JP', 'DONOR', NULL, 'JPN', 'Landmine Monitor: top-5 donor 2020'),
 ('Norway (Ministry of Foreign Affairs)', 'NO', 'DONOR', NULL, 'NOR', 'Landmine Monitor: top-5 donor 2020'),
 ('United Kingdom (FCDO)', 'UK', 'DONOR', NULL, 'GBR', 'public knowledge'),
 ('Netherlands (Ministry of Foreign Affairs)', 'NL', 'DONOR', NULL, 'NLD', 'public knowledge')
ON CONFLICT (name) DO NOTHING;

-- Field sub-clusters. Those named in ma_aor_field_coordination.csv are real (source kept);
-- the others are demo rows (synthetic = true) for countries named in DOMAIN.md, to be confirmed.
CREATE TEMP TABLE demo_subcluster (iso3 char(3), name text, lead text, co_lead text, active_from date, real_source text) ON COMMIT DROP;
INSERT INTO demo_subcluster
SELECT DISTINCT ON (f.iso3) f.iso3,
       CASE f.iso3 WHEN 'MMR' THEN 'Mine Risk Working Group' WHEN 'SOM' THEN 'Explosive Hazards Area of Responsibility'
                   WHEN 'NGA' THEN 'Mine Action Sub-Sector' WHEN 'PSE' THEN 'Mine Action Area of Responsibility (Gaza)'
                   WHEN 'UKR' THEN 'Mine Action Area of Responsibility' WHEN 'SDN' THEN 'Mine Action Area of Responsibility'
                   ELSE 'Mine Action Sub-Cluster' END,
       CASE f.iso3 WHEN 'UKR' THEN 'United Nations Development Programme' WHEN 'SDN' THEN 'United Nations Mine Action Service'
                   WHEN 'BFA' THEN 'United Nations Mine Action Service' WHEN 'SYR' THEN 'United Nations Mine Action Service'
                   WHEN 'PSE' THEN 'United Nations Mine Action Service' WHEN 'MMR' THEN 'Department of Rehabilitation (Myanmar)'
                   WHEN 'NGA' THEN NULL ELSE NULL END,
       CASE f.iso3 WHEN 'SDN' THEN 'NADA Elazhar' WHEN 'MMR' THEN 'United Nations Children''s Fund' ELSE NULL END,
       make_date(min(f.year) OVER (PARTITION BY f.iso3), 1, 1),
       string_agg(f.year || ': ' || f.mechanism_name || ' — ' || f.source, ' | ') OVER (PARTITION BY f.iso3)
FROM field_coordination_fact f WHERE f.iso3 IS NOT NULL
ORDER BY f.iso3, f.year DESC;
INSERT INTO demo_subcluster (iso3, name, lead, co_lead, active_from, real_source)
SELECT v.iso3, 'Mine Action Sub-Cluster', v.lead, NULL, make_date(v.y, 1, 1), NULL
FROM (VALUES ('AFG', 'United Nations Mine Action Service', 2021), ('YEM', 'United Nations Development Programme', 2016),
             ('COL', 'United Nations Mine Action Service', 2018), ('COD', 'United Nations Mine Action Service', 2019),
             ('ETH', 'United Nations Mine Action Service', 2021), ('LBY', 'United Nations Mine Action Service', 2016),
             ('MLI', 'United Nations Mine Action Service', 2017), ('NER', 'United Nations Mine Action Service', 2021),
             ('SSD', 'United Nations Mine Action Service', 2014), ('LBN', 'United Nations Development Programme', 2024))
     AS v(iso3, lead, y)
WHERE v.iso3 NOT IN (SELECT iso3 FROM demo_subcluster);

INSERT INTO subcluster (iso3, name, lead_organisation_id, co_lead_organisation_id, coordinator_name, coordinator_email,
                        status, active_from, geom, source, synthetic)
SELECT d.iso3, d.name, lead.organisation_id, co.organisation_id,
       'Demo coordinator (' || c.name || ')', 'coordinator.' || lower(d.iso3) || '@example.org',
       'ACTIVE', d.active_from, a.geom,
       coalesce(d.real_source, 'demo: country named in DOMAIN.md; an active sub-cluster in these years is not confirmed here, lead assumed'),
       d.real_source IS NULL
FROM demo_subcluster d
JOIN country c ON c.iso3 = d.iso3
JOIN admin_area a ON a.iso3 = d.iso3 AND a.level = 0
LEFT JOIN organisation lead ON lead.name = d.lead
LEFT JOIN organisation co ON co.name = d.co_lead
ON CONFLICT (iso3, name) DO NOTHING;

-- Response plans (synthetic): 2024-2026 for each sub-cluster country.
INSERT INTO response_plan (iso3, year, plan_type, name, code, people_in_need, people_targeted, source, synthetic)
SELECT s.iso3, y, CASE WHEN y >= 2024 THEN 'HNRP' ELSE 'HRP' END,
       c.name || ' Humanitarian Needs and Response Plan ' || y,
       'H' || s.iso3 || (y % 100)::text,
       (200000 + floor(random() * 4000000))::bigint, NULL, 'demo: synthetic plan', true
FROM subcluster s JOIN country c ON c.iso3 = s.iso3, generate_series(2024, 2026) AS y
ON CONFLICT DO NOTHING;
UPDATE response_plan SET people_targeted = (people_in_need * (0.3 + random() * 0.4))::bigint WHERE synthetic;

-- Proposals (synthetic). Partners per country: UN agencies and INGOs, plus national ones where they exist.
CREATE TEMP TABLE demo_partner ON COMMIT DROP AS
SELECT s.iso3, o.organisation_id
FROM subcluster s
JOIN organisation o ON o.org_type IN ('INGO', 'UN') AND o.acronym IN ('HALO', 'MAG', 'DRC', 'HI', 'NPA', 'FSD', 'DCA', 'UNMAS', 'UNDP', 'UNICEF')
UNION
SELECT o.iso3, o.organisation_id FROM organisation o WHERE o.org_type = 'NNGO';

CREATE TEMP TABLE demo_proposal ON COMMIT DROP AS
SELECT p.response_plan_id, s.subcluster_id, p.iso3, p.year, p.code AS plan_code, n,
       (SELECT dp.organisation_id FROM demo_partner dp WHERE dp.iso3 = p.iso3
        ORDER BY md5(dp.organisation_id::text || p.code || n) LIMIT 1) AS organisation_id,
       random() AS r_status, random() AS r_req
FROM response_plan p
JOIN subcluster s ON s.iso3 = p.iso3
CROSS JOIN LATERAL generate_series(1, 5 + (abs(hashtext(p.code)) % 8)) AS n
WHERE p.synthetic;
-- The HALO Trust always has proposals in Ukraine, among them drafts (for the partner.halo demo user).
UPDATE demo_proposal SET organisation_id = (SELECT organisation_id FROM organisation WHERE acronym = 'HALO')
WHERE iso3 = 'UKR' AND n IN (1, 2, 3);
UPDATE demo_proposal SET r_status = 0.05 WHERE iso3 = 'UKR' AND year = 2026 AND n = 1;

INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, description, requirements_usd, status,
                      gam_code, target_girls, target_boys, target_women, target_men, target_older_persons, target_pwd,
                      start_date, end_date, synthetic)
SELECT d.response_plan_id, d.subcluster_id, d.organisation_id,
       d.plan_code || '-PRO-MIN-' || (200000 + row_number() OVER (ORDER BY d.plan_code, d.n))::text,
       (ARRAY['Humanitarian survey and clearance', 'Explosive ordnance risk education', 'Victim assistance and referral',
              'Non-technical survey and marking', 'Emergency EORE for displaced communities', 'Clearance of agricultural land',
              'Capacity building of national operators', 'Mine action coordination support'])[1 + (d.n % 8)]
       || ' in ' || c.name || ' (' || d.year || ')',
       'Demo proposal (synthetic data).',
       round((150000 + d.r_req * 2850000)::numeric, -3),
       CASE WHEN d.year = 2026 THEN
                CASE WHEN d.r_status < 0.25 THEN 'DRAFT' WHEN d.r_status < 0.5 THEN 'SUBMITTED' WHEN d.r_status < 0.7 THEN 'UNDER_REVIEW'
                     WHEN d.r_status < 0.8 THEN 'REVISION_REQUESTED' WHEN d.r_status < 0.9 THEN 'APPROVED' ELSE 'PUBLISHED' END
            WHEN d.year = 2025 THEN
                CASE WHEN d.r_status < 0.1 THEN 'REJECTED' WHEN d.r_status < 0.3 THEN 'APPROVED' ELSE 'PUBLISHED' END
            ELSE CASE WHEN d.r_status < 0.1 THEN 'REJECTED' WHEN d.r_status < 0.5 THEN 'PUBLISHED' ELSE 'CLOSED' END END,
       (floor(random() * 5))::smallint,
       (random() * 6000)::int, (random() * 6000)::int, (random() * 5000)::int, (random() * 5000)::int,
       (random() * 1500)::int, (random() * 800)::int,
       make_date(d.year, 1, 1), make_date(d.year, 12, 31), true
FROM demo_proposal d JOIN country c ON c.iso3 = d.iso3;

INSERT INTO proposal_activity (proposal_id, activity)
SELECT p.proposal_id, a
FROM proposal p,
     unnest(ARRAY['SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE', 'CAPACITY_BUILDING', 'ADVOCACY', 'COORDINATION']) WITH ORDINALITY AS t(a, i)
WHERE p.synthetic AND (i = 1 + (p.proposal_id % 3) OR (random() < 0.2 AND i <= 4))
ON CONFLICT DO NOTHING;

INSERT INTO proposal_location (proposal_id, admin_area_id)
SELECT p.proposal_id, a.admin_area_id
FROM proposal p JOIN subcluster s ON s.subcluster_id = p.subcluster_id
CROSS JOIN LATERAL (SELECT admin_area_id FROM admin_area a WHERE a.iso3 = s.iso3 AND a.level = 1
                    ORDER BY md5(a.pcode || p.proposal_id) LIMIT 1 + (p.proposal_id % 3)::int) a
WHERE p.synthetic
ON CONFLICT DO NOTHING;

-- Budget lines sum exactly to the requirements: three lines, the last takes the remainder.
INSERT INTO budget_line (proposal_id, position, description, amount_usd)
SELECT p.proposal_id, l.pos, l.label,
       CASE l.pos WHEN 1 THEN round(p.requirements_usd * 0.55, 2) WHEN 2 THEN round(p.requirements_usd * 0.30, 2)
                  ELSE p.requirements_usd - round(p.requirements_usd * 0.55, 2) - round(p.requirements_usd * 0.30, 2) END
FROM proposal p, (VALUES (1, 'Staff and operations'), (2, 'Equipment and supplies'), (3, 'Support costs')) AS l(pos, label)
WHERE p.synthetic;

-- Funding (synthetic): donors fund accepted proposals, from nothing to fully.
INSERT INTO funding_flow (source_organisation_id, destination_organisation_id, proposal_id, response_plan_id, amount_usd,
                          original_currency, original_amount, flow_date, status, description, synthetic)
SELECT donor.organisation_id, p.organisation_id, p.proposal_id, p.response_plan_id,
       round(p.requirements_usd * f.share, 2), 'USD', round(p.requirements_usd * f.share, 2),
       make_date(rp.year, 1 + (p.proposal_id % 11)::int, 1 + (f.k * 7)),
       CASE WHEN rp.year < 2026 OR f.k = 1 THEN 'PAID' WHEN f.k = 2 THEN 'COMMITMENT' ELSE 'PLEDGE' END,
       'Demo funding flow (synthetic)', true
FROM proposal p
JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
CROSS JOIN LATERAL (SELECT k, (0.1 + random() * 0.35)::numeric AS share FROM generate_series(1, 1 + (p.proposal_id % 3)::int) k) f
CROSS JOIN LATERAL (SELECT organisation_id FROM organisation WHERE org_type = 'DONOR'
                    ORDER BY md5(organisation_id::text || p.proposal_id || f.k) LIMIT 1) donor
WHERE p.synthetic AND p.status IN ('APPROVED', 'PUBLISHED', 'CLOSED') AND (p.proposal_id % 5) <> 0;

-- Hazards (synthetic): irregular polygons of 0.02-4 km2 inside the admin-1 areas of sub-cluster countries.
CREATE TEMP TABLE demo_hazard_point ON COMMIT DROP AS
SELECT a.iso3, a.admin_area_id, (ST_Dump(ST_GeneratePoints(a.geom, 4 + (abs(hashtext(a.pcode)) % 10), 7))).geom AS pt
FROM admin_area a JOIN subcluster s ON s.iso3 = a.iso3
WHERE a.level = 1;

INSERT INTO hazard (iso3, admin_area_id, hazard_type, contamination_type, status, name, geom, area_m2, recorded_date, synthetic, source)
SELECT h.iso3, h.admin_area_id, CASE WHEN random() < 0.55 THEN 'SHA' ELSE 'CHA' END,
       (ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'UXO', 'AXO', 'IED', 'MIXED'])[1 + floor(random() * 7)::int],
       CASE WHEN random() < 0.7 THEN 'ACTIVE' ELSE 'PARTIALLY_RELEASED' END,
       'Demo hazard ' || h.iso3 || '-' || row_number() OVER (ORDER BY h.iso3, h.admin_area_id, ST_X(h.pt)),
       h.geom, round(ST_Area(h.geom::geography)::numeric, 1),
       make_date(2019 + floor(random() * 7)::int, 1 + floor(random() * 12)::int, 1), true,
       'demo: synthetic polygon'
FROM (SELECT p.iso3, p.admin_area_id, p.pt,
             ST_Multi(ST_ConvexHull(ST_GeneratePoints(
                 ST_Buffer(p.pt::geography, 80 + random() * 1100)::geometry, 9, 3))) AS geom
      FROM demo_hazard_point p) h
WHERE ST_IsValid(h.geom) AND ST_GeometryType(h.geom) = 'ST_MultiPolygon';

-- Land release (synthetic): cancelled, reduced or cleared parts of some hazards.
INSERT INTO land_release (hazard_id, method, area_m2, release_date, organisation_id, synthetic, source)
SELECT h.hazard_id, (ARRAY['CANCELLED', 'REDUCED', 'CLEARED'])[1 + floor(random() * 3)::int],
       greatest(round(h.area_m2 * (0.1 + random() * 0.5)::numeric, 1), 1),
       make_date(2023 + floor(random() * 3)::int, 1 + floor(random() * 12)::int, 1 + floor(random() * 27)::int),
       (SELECT organisation_id FROM organisation WHERE acronym IN ('HALO', 'MAG', 'NPA', 'DRC', 'FSD', 'DCA')
        ORDER BY md5(organisation_id::text || h.hazard_id) LIMIT 1),
       true, 'demo: synthetic'
FROM hazard h WHERE h.synthetic AND h.status = 'PARTIALLY_RELEASED';

-- Casualties (synthetic points). For 2023 the national totals of the ten countries that
-- Landmine Monitor 2024 lists match its figures (Myanmar 1,003, Syria 933, Afghanistan 651,
-- Ukraine 580, Yemen 499, Nigeria 343, Burkina Faso 308, Mali 174, Ethiopia 106, Iraq 102);
-- every individual record, place and attribute is synthetic. Other years and countries: synthetic counts.
CREATE TEMP TABLE demo_casualty_count (iso3 char(3), year int, n int, source text) ON COMMIT DROP;
INSERT INTO demo_casualty_count
SELECT v.iso3, 2023, v.n, 'synthetic record; 2023 national total = Landmine Monitor 2024 (ICBL-CMC), casualties in 2023'
FROM (VALUES ('MMR', 1003), ('SYR', 933), ('AFG', 651), ('UKR', 580), ('YEM', 499), ('NGA', 343), ('BFA', 308),
             ('MLI', 174), ('ETH', 106), ('IRQ', 102)) AS v(iso3, n)
WHERE v.iso3 IN (SELECT iso3 FROM subcluster);
INSERT INTO demo_casualty_count
SELECT s.iso3, y, 20 + (abs(hashtext(s.iso3 || y)) % 400), 'demo: synthetic'
FROM subcluster s, generate_series(2023, 2025) y
WHERE NOT EXISTS (SELECT 1 FROM demo_casualty_count c WHERE c.iso3 = s.iso3 AND c.year = y);

INSERT INTO casualty (iso3, admin_area_id, incident_date, outcome, civilian, sex, age_group, disability, device_type, geom, synthetic, source)
SELECT c.iso3, a.admin_area_id,
       make_date(c.year, 1, 1) + floor(random() * 365)::int,
       CASE WHEN random() < 0.31 THEN 'KILLED' ELSE 'INJURED' END,
       random() < 0.88,
       (ARRAY['MALE', 'MALE', 'MALE', 'FEMALE', 'UNKNOWN'])[1 + floor(random() * 5)::int],
       (ARRAY['CHILD', 'CHILD', 'ADULT', 'ADULT', 'ADULT', 'OLDER', 'UNKNOWN'])[1 + floor(random() * 7)::int],
       random() < 0.1,
       (ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'UXO', 'AXO', 'IED', 'UNKNOWN'])[1 + floor(random() * 7)::int],
       (ST_Dump(ST_GeneratePoints(a.geom, 1, (abs(hashtext(c.iso3 || c.year || g)) % 100000)::int))).geom,
       true, c.source
FROM demo_casualty_count c
CROSS JOIN LATERAL generate_series(1, c.n) g
CROSS JOIN LATERAL (SELECT admin_area_id, geom FROM admin_area a
                    WHERE a.iso3 = c.iso3 AND a.level = 1 ORDER BY md5(a.pcode || g || c.year) LIMIT 1) a;

-- EORE sessions (synthetic points).
INSERT INTO eore_session (organisation_id, iso3, admin_area_id, session_date, girls, boys, women, men, older_persons, pwd, geom, synthetic)
SELECT (SELECT organisation_id FROM organisation WHERE acronym IN ('UNICEF', 'DRC', 'HI', 'DCA', 'MAG')
        ORDER BY md5(organisation_id::text || a.pcode || g) LIMIT 1),
       a.iso3, a.admin_area_id, make_date(2024 + (g % 2), 1 + (g % 12), 1 + (g % 27)),
       (random() * 40)::int, (random() * 40)::int, (random() * 30)::int, (random() * 25)::int, (random() * 8)::int, (random() * 5)::int,
       (ST_Dump(ST_GeneratePoints(a.geom, 1, (abs(hashtext(a.pcode || g)) % 100000)::int))).geom, true
FROM admin_area a JOIN subcluster s ON s.iso3 = a.iso3
CROSS JOIN LATERAL generate_series(1, 3) g
WHERE a.level = 1;

-- Partnership platform (synthetic requests and offers).
INSERT INTO partnership_request (iso3, theme, title, description, amount_sought_usd, period_start, period_end, geom, synthetic)
SELECT s.iso3, (ARRAY['SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE', 'CAPACITY_BUILDING'])[1 + (abs(hashtext(s.iso3)) % 4)],
       'Demo request: support sought by ' || c.name, 'Synthetic request for the demo.',
       round((500000 + random() * 4500000)::numeric, -3), DATE '2026-01-01', DATE '2027-12-31', s.geom, true
FROM subcluster s JOIN country c ON c.iso3 = s.iso3;
INSERT INTO partnership_offer (provider_iso3, title, description, budget_usd, period_start, period_end, synthetic)
SELECT v.iso3, 'Demo offer from ' || c.name, 'Synthetic offer for the demo.', v.budget, DATE '2026-01-01', DATE '2028-12-31', true
FROM (VALUES ('NOR', 3000000), ('DEU', 5000000), ('JPN', 4000000), ('CHE', 1500000)) AS v(iso3, budget)
JOIN country c ON c.iso3 = v.iso3;
INSERT INTO partnership_offer_theme (partnership_offer_id, theme)
SELECT o.partnership_offer_id, t
FROM partnership_offer o, unnest(ARRAY['SURVEY_CLEARANCE', 'EORE', 'VICTIM_ASSISTANCE', 'CAPACITY_BUILDING']) WITH ORDINALITY AS x(t, i)
WHERE o.synthetic AND (i + o.partnership_offer_id) % 2 = 0;

-- Oslo Action Plan progress (synthetic) for sub-cluster countries that are APMBC parties.
INSERT INTO action_progress (action_id, iso3, year, status, note, source, synthetic)
SELECT a.action_id, s.iso3, 2024,
       (ARRAY['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'ACHIEVED', 'NO_INFORMATION'])[1 + floor(random() * 5)::int],
       'Demo progress (synthetic)', 'demo: synthetic', true
FROM action a JOIN action_plan ap ON ap.action_plan_id = a.action_plan_id AND ap.code = 'OAP'
JOIN subcluster s ON true
JOIN treaty_status ts ON ts.iso3 = s.iso3 AND ts.status = 'PARTY'
JOIN treaty t ON t.treaty_id = ts.treaty_id AND t.code = 'APMBC'
ON CONFLICT DO NOTHING;

-- Demo users (password "demo"; the hash is set by DemoDataLoader).
INSERT INTO app_user (username, display_name, email, password_hash, role, organisation_id, synthetic)
SELECT v.username, v.display_name, v.username || '@example.org', current_setting('clearway.demo_password_hash'), v.role,
       (SELECT organisation_id FROM organisation WHERE acronym = v.org), true
FROM (VALUES ('admin', 'Demo Administrator', 'ADMIN', NULL),
             ('coordinator', 'Demo Global Coordinator (MA AoR, Geneva)', 'GLOBAL_COORDINATOR', 'UNMAS'),
             ('lead.ukraine', 'Demo Sub-cluster Lead (Ukraine)', 'SUBCLUSTER_LEAD', 'UNDP'),
             ('lead.yemen', 'Demo Sub-cluster Lead (Yemen)', 'SUBCLUSTER_LEAD', 'UNDP'),
             ('partner.halo', 'Demo Partner Focal Point (The HALO Trust)', 'PARTNER', 'HALO'),
             ('donor', 'Demo Donor Representative', 'DONOR', NULL)) AS v(username, display_name, role, org)
ON CONFLICT (username) DO NOTHING;
INSERT INTO app_user_subcluster (app_user_id, subcluster_id)
SELECT u.app_user_id, s.subcluster_id FROM app_user u JOIN subcluster s
  ON (u.username = 'lead.ukraine' AND s.iso3 = 'UKR') OR (u.username = 'lead.yemen' AND s.iso3 = 'YEM')
ON CONFLICT DO NOTHING;
INSERT INTO plan_reviewer (response_plan_id, app_user_id)
SELECT p.response_plan_id, u.app_user_id FROM response_plan p JOIN app_user u ON u.username = 'lead.ukraine' WHERE p.iso3 = 'UKR'
ON CONFLICT DO NOTHING;

INSERT INTO review_criterion (subcluster_id, code, max_score)
VALUES (NULL, 'RELEVANCE', 5), (NULL, 'CONTAMINATION_COVERAGE', 5), (NULL, 'GENDER_DIVERSITY', 5), (NULL, 'CAPACITY', 5),
       (NULL, 'COST_PER_BENEFICIARY', 5)
ON CONFLICT DO NOTHING;
