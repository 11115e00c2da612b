// build-countries.mjs — builds db/data/countries.geojson and validates db/data/admin1_seeds.csv
//
// How to run (the script is NOT run by the Maven build; it is a one-off data generator):
//   mkdir -p /tmp/geo && cd /tmp/geo && npm init -y >/dev/null
//   npm install world-atlas@2.0.2 topojson-client i18n-iso-countries @turf/boolean-point-in-polygon
//   node /path/to/repo/db/data/tools/build-countries.mjs [outDir]
// (run it from the scratch dir so that `node_modules` resolves; outDir defaults to ../ of this script,
//  i.e. db/data/).
//
// Source: Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON in npm world-atlas@2.0.2
// (countries-50m.json), converted with topojson-client feature(). Numeric ids (ISO 3166-1 numeric)
// are mapped to alpha-3 and English short names with i18n-iso-countries.
//
// Output properties per feature: iso3, iso_num (3-digit string as in world-atlas, null if none), name.
// Geometry: always MultiPolygon, lon/lat (EPSG:4326), rounded to 4 decimals (3 if the file would
// exceed 6 MB); rings re-closed after rounding, consecutive duplicate vertices removed, rings with
// fewer than 4 points dropped; rings wound per RFC 7946 (exterior counter-clockwise).
// Features without an ISO numeric id are handled by NO_ID_POLICY below; Crimea and San Andres see
// MOVE_PARTS / SUPPLEMENTS.
//
// After writing the GeoJSON, if admin1_seeds.csv exists in outDir it is validated: header, the 24
// expected countries, unique P-codes, pcode_status values, no duplicate coordinates within a country,
// and every capital point inside its country's outline (point-in-polygon on the written geometry).
// The process exits with status 1 if any check fails.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(process.cwd(), 'noop.js')); // resolve packages from the cwd
const { feature, merge } = require('topojson-client');
const pip = require('@turf/boolean-point-in-polygon').default;
const countries = require('i18n-iso-countries');
const topology = require('world-atlas/countries-50m.json');

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, '..'));
const OUT_GEOJSON = join(outDir, 'countries.geojson');
const ADMIN1_CSV = join(outDir, 'admin1_seeds.csv');
const SOURCE = 'Natural Earth 1:50m via npm world-atlas 2.0.2 (public domain)';
const MAX_BYTES = 6 * 1024 * 1024;

// Features that carry no ISO numeric id in world-atlas, by their Natural Earth name.
//   {iso3, name}          -> kept as its own feature with that code (iso_num null)
//   {mergeInto: 'ABC'}    -> its polygons are added to the feature of that ISO country
//   absent                -> skipped (and reported)
// Somaliland and N. Cyprus are merged into the UN-recognised states (SOM, CYP): OCHA COD-AB for Somalia
// covers Somaliland, and the Somali admin-1 seeds (Awdal, Woqooyi Galbeed, Togdheer, Sool, Sanaag) must
// fall inside the SOM outline. Set MERGE_DISPUTED=false to skip them instead.
const MERGE_DISPUTED = true;
const NO_ID_POLICY = {
  'Kosovo': { iso3: 'XKX', name: 'Kosovo' },
  ...(MERGE_DISPUTED ? { 'Somaliland': { mergeInto: 'SOM' }, 'N. Cyprus': { mergeInto: 'CYP' } } : {}),
};

// Natural Earth 4.1 (world-atlas 2.0.2) draws Crimea de facto as part of Russia. The app follows the
// UN position (GA res. 68/262) and the OCHA COD-AB for Ukraine (UA01 Crimea, UA85 Sevastopol), so the
// Crimean polygon is moved to UKR. Set MOVE_CRIMEA=false to keep Natural Earth's depiction.
const MOVE_CRIMEA = true;
const MOVE_PARTS = MOVE_CRIMEA ? [{ label: 'Crimea', from: 'RUS', to: 'UKR', point: [34.10, 44.95] }] : [];

// Small islands missing from the 1:50m data that hold an admin-1 capital: taken from countries-10m.json of
// the same package (Natural Earth 1:10m). San Andres, Providencia y Santa Catalina (Colombia).
const SUPPLEMENTS = [{
  iso3: 'COL', label: 'San Andres & Providencia (10m)',
  polygons() {
    const t10 = require('world-atlas/countries-10m.json');
    const g = t10.objects.countries.geometries.find((x) => x.id === '170');
    return feature(t10, g).geometry.coordinates.filter((p) => p[0].every(([x, y]) => x < -78 && y > 11));
  },
}];

const REQUIRED = ['AFG', 'BFA', 'COL', 'COD', 'ETH', 'IRQ', 'LBY', 'MLI', 'MMR', 'NER', 'NGA', 'PSE', 'SOM',
  'SSD', 'SDN', 'SYR', 'UKR', 'YEM', 'LBN', 'CAF', 'CMR', 'MOZ', 'TCD', 'HTI'];

// ---------------------------------------------------------------- geometry helpers
function cleanRing(ring, factor) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 0) {
    const a = out[0], b = out[out.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0], a[1]]); // keep it closed
  }
  return out.length >= 4 ? out : null;
}

function signedArea(ring) { // shoelace, > 0 for counter-clockwise
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}
function wind(ring, ccw) { return (signedArea(ring) > 0) === ccw ? ring : ring.slice().reverse(); }

function cleanPolygons(polys, decimals, stats) {
  const factor = 10 ** decimals;
  const result = [];
  for (const poly of polys) {
    const [outer, ...holes] = poly.map((ring) => cleanRing(ring, factor));
    if (!outer) { stats.droppedPolys++; stats.droppedRings += poly.length; continue; } // holes go with it
    const kept = holes.filter(Boolean);
    stats.droppedRings += holes.length - kept.length;
    // RFC 7946 right-hand rule (planar lon/lat): exterior counter-clockwise, holes clockwise.
    // (topojson/d3 data use the opposite, spherical convention.)
    result.push([wind(outer, true), ...kept.map((h) => wind(h, false))]);
  }
  return result;
}

// ---------------------------------------------------------------- build
// Work on the TopoJSON geometry objects so that parts that end up in one country (Somaliland -> SOM,
// Crimea -> UKR, ...) are dissolved along their shared arcs with topojson-client merge(), giving a
// valid MultiPolygon instead of polygons that touch along a line.
function polygonObjects(g) { // split a topology Polygon/MultiPolygon object into Polygon objects
  if (g.type === 'Polygon') return [{ type: 'Polygon', arcs: g.arcs }];
  if (g.type === 'MultiPolygon') return g.arcs.map((arcs) => ({ type: 'Polygon', arcs }));
  return [];
}

function build(decimals) {
  const groups = new Map(); // iso3 -> { isoNum, name, objs: [topology Polygon objects] }
  const skipped = [], merged = [], moved = [], stats = { droppedRings: 0, droppedPolys: 0 };
  const pendingMerges = [];

  for (const g of topology.objects.countries.geometries) {
    const nm = g.properties?.name;
    let iso3 = g.id != null ? countries.numericToAlpha3(g.id) : undefined;
    let name, isoNum = g.id != null ? String(g.id).padStart(3, '0') : null;
    if (!iso3) {
      const pol = NO_ID_POLICY[nm];
      if (!pol) { skipped.push(`${nm} (no ISO numeric id)`); continue; }
      if (pol.mergeInto) { pendingMerges.push({ into: pol.mergeInto, g, nm }); continue; }
      iso3 = pol.iso3; name = pol.name; isoNum = null;
    } else {
      name = countries.getName(iso3, 'en');
    }
    if (groups.has(iso3)) { // two Natural Earth features for one ISO code (e.g. Ashmore and Cartier Is. / AUS)
      groups.get(iso3).objs.push(...polygonObjects(g));
      merged.push(`${nm} -> ${iso3} (same ISO id)`);
    } else {
      groups.set(iso3, { isoNum, name, objs: polygonObjects(g) });
    }
  }
  for (const { into, g, nm } of pendingMerges) {
    if (!groups.has(into)) { skipped.push(`${nm} (merge target ${into} missing)`); continue; }
    groups.get(into).objs.push(...polygonObjects(g));
    merged.push(`${nm} -> ${into}`);
  }
  for (const mv of MOVE_PARTS) { // move the polygon that contains a test point from one country to another
    const from = groups.get(mv.from), to = groups.get(mv.to);
    const idx = from.objs.findIndex((o) => pip(mv.point, feature(topology, o).geometry));
    if (idx < 0) { moved.push(`${mv.label}: no ${mv.from} polygon contains ${mv.point} (nothing moved)`); continue; }
    to.objs.push(...from.objs.splice(idx, 1));
    moved.push(`${mv.label}: polygon moved ${mv.from} -> ${mv.to}`);
  }

  const features = [];
  for (const [iso3, { isoNum, name, objs }] of groups) {
    const geom = merge(topology, objs); // always a MultiPolygon
    const polys = cleanPolygons(geom.coordinates, decimals, stats);
    for (const sup of SUPPLEMENTS.filter((x) => x.iso3 === iso3)) {
      const extra = sup.polygons();
      polys.push(...cleanPolygons(extra, decimals, stats));
      moved.push(`${sup.label}: ${extra.length} polygon(s) added to ${iso3} from countries-10m.json`);
    }
    if (!polys.length) { skipped.push(`${name} (${iso3}: empty geometry after cleaning)`); continue; }
    features.push({
      type: 'Feature',
      properties: { iso3, iso_num: isoNum, name },
      geometry: { type: 'MultiPolygon', coordinates: polys },
    });
  }
  features.sort((a, b) => a.properties.iso3.localeCompare(b.properties.iso3));
  const out = { type: 'FeatureCollection', source: SOURCE, features };
  return { out, skipped, merged, moved, stats };
}

let decimals = 4;
let res = build(decimals);
let text = JSON.stringify(res.out);
if (Buffer.byteLength(text) > MAX_BYTES) {
  decimals = 3;
  res = build(decimals);
  text = JSON.stringify(res.out);
}
writeFileSync(OUT_GEOJSON, text + '\n');
console.log(`wrote ${OUT_GEOJSON}: ${res.out.features.length} features, ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, ${decimals} decimals`);
console.log(`  rings dropped after rounding: ${res.stats.droppedRings} (whole polygons: ${res.stats.droppedPolys})`);
for (const s of res.skipped) console.log(`  SKIPPED: ${s}`);
for (const m of res.merged) console.log(`  MERGED:  ${m}`);
for (const m of res.moved) console.log(`  CHANGED: ${m}`);
const have = new Set(res.out.features.map((f) => f.properties.iso3));
const missing = REQUIRED.filter((c) => !have.has(c));
for (const m of missing) console.warn(`  WARNING: required country ${m} is missing`);
if (!missing.length) console.log(`  all ${REQUIRED.length} required countries present`);

// ---------------------------------------------------------------- admin1 seed validation
if (!existsSync(ADMIN1_CSV)) {
  console.log(`(no ${ADMIN1_CSV}; admin1 check skipped)`);
  process.exit(missing.length ? 1 : 0);
}
const HEADER = 'iso3,pcode,name,capital,lon,lat,pcode_status,note';

function parseCsv(src) { // RFC 4180: quoted fields, "" escapes, commas/newlines inside quotes
  const rows = []; let row = [], field = '', q = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (q) {
      if (c === '"') { if (src[i + 1] === '"') { field += '"'; i++; } else q = false; }
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

const csvText = readFileSync(ADMIN1_CSV, 'utf8');
const rows = parseCsv(csvText);
const errors = [];
if (rows[0].join(',') !== HEADER) errors.push(`header is "${rows[0].join(',')}", expected "${HEADER}"`);
const featByIso = new Map(res.out.features.map((f) => [f.properties.iso3, f]));
const seenPcode = new Set(), seenXY = new Map(), perCountry = new Map(), perStatus = { 'cod-ab': 0, synthetic: 0 };
rows.slice(1).forEach((r, i) => {
  const line = i + 2;
  if (r.length !== 8) { errors.push(`line ${line}: ${r.length} fields`); return; }
  const [iso3, pcode, name, capital, lonS, latS, status] = r;
  const lon = Number(lonS), lat = Number(latS);
  if (!REQUIRED.includes(iso3)) errors.push(`line ${line}: unexpected iso3 ${iso3}`);
  if (!pcode || seenPcode.has(pcode)) errors.push(`line ${line}: missing or duplicate pcode ${pcode}`);
  seenPcode.add(pcode);
  if (!(status in perStatus)) errors.push(`line ${line}: pcode_status "${status}"`); else perStatus[status]++;
  if (!name || !capital) errors.push(`line ${line}: empty name/capital`);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    errors.push(`line ${line}: bad coordinates ${lonS},${latS}`);
  const key = `${iso3} ${lon} ${lat}`;
  if (seenXY.has(key)) errors.push(`line ${line}: ${pcode} has the same coordinates as ${seenXY.get(key)}`);
  seenXY.set(key, pcode);
  perCountry.set(iso3, (perCountry.get(iso3) ?? 0) + 1);
  const f = featByIso.get(iso3);
  if (!f) errors.push(`line ${line}: no outline for ${iso3}`);
  else if (!pip([lon, lat], f.geometry)) errors.push(`line ${line}: ${iso3} ${pcode} ${capital} (${lon},${lat}) is OUTSIDE the outline`);
});
for (const c of REQUIRED) if (!perCountry.has(c)) errors.push(`no admin1 rows for ${c}`);
console.log(`\nchecked ${ADMIN1_CSV}: ${rows.length - 1} rows`);
console.log('  rows per country: ' + REQUIRED.map((c) => `${c} ${perCountry.get(c) ?? 0}`).join(', '));
console.log(`  pcode_status: cod-ab ${perStatus['cod-ab']}, synthetic ${perStatus.synthetic}`);
for (const e of errors) console.error('  ERROR: ' + e);
console.log(errors.length ? `  ${errors.length} problem(s)` : '  all capitals inside their country outline; pcodes unique');
process.exit(errors.length || missing.length ? 1 : 0);
