package org.clearway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.common.Messages;
import org.clearway.exchange.ImportService.Source;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Export → import round trips in GeoJSON, GeoPackage and CSV give back the same features and attributes; bad files
 * get a clear reason and write nothing. Not one test transaction: each step commits on its own, as for a user.
 */
@ClearwayTest
class ImportExportIT {

    @Autowired
    ImportService imports;
    @Autowired
    DatasetExport exports;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;
    @Autowired
    javax.sql.DataSource dataSource;
    @TempDir
    Path dir;

    long maxHazard;
    long maxCasualty;

    @BeforeEach
    void before() {
        maxHazard = db.fetchOne("SELECT coalesce(max(hazard_id), 0) FROM hazard").get(0, Long.class);
        maxCasualty = db.fetchOne("SELECT coalesce(max(casualty_id), 0) FROM casualty").get(0, Long.class);
        AsUser.login(users, "coordinator");
    }

    @AfterEach
    void after() {
        db.execute("DELETE FROM land_release WHERE hazard_id > ?", maxHazard);
        db.execute("DELETE FROM hazard WHERE hazard_id > ?", maxHazard);
        db.execute("DELETE FROM casualty WHERE casualty_id > ?", maxCasualty);
        db.execute("DELETE FROM import_job");
        db.execute("DELETE FROM proposal WHERE code LIKE 'T-LOC-%'");
        AsUser.logout();
    }

    Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path zip = dir.resolve(name);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    Path file(String name, String text) throws Exception {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    ImportService.Preview stageAndValidate(ImportTarget target, Path file) {
        var job = imports.stage(target, file.getFileName().toString(), file);
        return imports.validate(job.id(), imports.suggestMapping(job));
    }

    List<String> hazardsOf(String where, Object... binds) {
        return db.fetch("SELECT hazard_type || '|' || contamination_type || '|' || status || '|' || coalesce(name, '') || '|' "
                + "|| ST_NPoints(geom) || '|' || coalesce(recorded_date::text, '') FROM hazard WHERE " + where
                + " ORDER BY 1", binds).getValues(0, String.class);
    }

    @Test
    void export_then_import_gives_back_the_same_hazards_in_geojson_geopackage_and_csv() throws Exception {
        List<String> original = hazardsOf("iso3 = 'UKR'");
        assertThat(original).hasSizeGreaterThan(20);
        for (DatasetExport.Format format : List.of(DatasetExport.Format.GEOJSON, DatasetExport.Format.GPKG, DatasetExport.Format.CSV)) {
            long before = db.fetchOne("SELECT coalesce(max(hazard_id), 0) FROM hazard").get(0, Long.class);
            byte[] exported = exports.export("hazards", "UKR", format, key -> key.substring(key.lastIndexOf('.') + 1));
            var preview = stageAndValidate(ImportTarget.HAZARDS, file("hazards." + format.extension(), exported));
            assertThat(preview.rejected()).as(format + " " + preview.problems()).isZero();
            int written = imports.commit(preview.jobId(), false, null, null);
            assertThat(written).isEqualTo(original.size());
            assertThat(hazardsOf("hazard_id > ?", before)).as(format.name()).isEqualTo(original);
            // the same geometry, to the 7 decimals (~1 cm) of the export
            assertThat(db.fetchOne("""
                    SELECT max(ST_HausdorffDistance(o.geom, n.geom)) FROM hazard n JOIN hazard o ON o.name = n.name AND o.hazard_id <= ?
                    WHERE n.hazard_id > ?""", maxHazard, before).get(0, Double.class)).isLessThan(1e-6);
            // the areas (recomputed on the spheroid from the geometry read back) agree to 0.01 %
            assertThat(db.fetchOne("SELECT sum(area_m2) FROM hazard WHERE hazard_id > ?", before).get(0, Double.class))
                    .isCloseTo(db.fetchOne("SELECT sum(area_m2) FROM hazard WHERE iso3 = 'UKR' AND hazard_id <= ?", maxHazard).get(0, Double.class),
                            org.assertj.core.data.Percentage.withPercentage(0.01));
            // each hazard's admin-1 area is the one a point inside it falls in (found from the areas' side, slice by slice)
            var areas = db.fetchOne("""
                    SELECT count(*) FILTER (WHERE n.admin_area_id IS NOT DISTINCT FROM (SELECT a.admin_area_id FROM admin_area a WHERE a.level = 1
                               AND ST_Intersects(a.geom, ST_PointOnSurface(n.geom)) ORDER BY a.admin_area_id LIMIT 1)),
                           count(n.admin_area_id), count(*)
                    FROM hazard n WHERE n.hazard_id > ?""", before);
            assertThat(areas.get(0, Long.class)).as(format + ": right admin-1 area").isEqualTo(areas.get(2, Long.class));
            assertThat(areas.get(1, Long.class)).as(format + ": rows with an admin-1 area").isPositive();
            db.execute("DELETE FROM hazard WHERE hazard_id > ?", before); // the next format starts from the same data
        }
    }

    @Test
    void csv_exports_carry_the_hxl_row_and_neutralise_formulas_and_a_repeat_import_needs_consent() throws Exception {
        Path csv = file("casualties.csv", """
                lat,lon,incident_date,outcome,sex,source
                50.45,30.52,2026-01-10,KILLED,FEMALE,=cmd|' /C calc'!A0
                50.46,30.53,2026-01-11,injured,male,<script>alert(1)</script>
                """);
        var preview = stageAndValidate(ImportTarget.CASUALTIES, csv);
        assertThat(preview.ok()).isEqualTo(2);
        assertThat(imports.commit(preview.jobId(), false, null, null)).isEqualTo(2);
        assertThat(db.fetch("SELECT source FROM casualty WHERE casualty_id > ? ORDER BY casualty_id", maxCasualty).getValues(0, String.class))
                .containsExactly("=cmd|' /C calc'!A0", "<script>alert(1)</script>");
        String exported = new String(exports.export("casualties", "UKR", DatasetExport.Format.CSV, k -> k), StandardCharsets.UTF_8);
        String[] lines = exported.split("\r\n");
        assertThat(lines[1]).contains("#country+code").contains("#date+incident").contains("#geo+lat").contains("#geo+lon");
        assertThat(exported).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
        // the same file again: refused unless the coordinator confirms
        var again = stageAndValidate(ImportTarget.CASUALTIES, csv);
        assertThat(imports.job(again.jobId()).alreadyImported()).isNotNull();
        assertThatThrownBy(() -> imports.commit(again.jobId(), false, null, null)).hasMessage("error.import.already");
    }

    @Test
    void another_crs_is_reprojected_invalid_polygons_repaired_and_bad_rows_rejected_with_their_reason() throws Exception {
        // Kyiv in Web Mercator (EPSG:3857), a self-intersecting bow-tie, a point, an unknown value, a 3D polygon, a huge attribute, the ocean
        String huge = "x".repeat(70_000);
        Path geojson = file("mixed.geojson", """
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
                 "features": [
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "contamination_type": "AP_MINE", "source": "t", "name": "mercator"},
                   "geometry": {"type": "Polygon", "coordinates": [[[3395000, 6520000], [3397000, 6520000], [3397000, 6522000], [3395000, 6522000], [3395000, 6520000]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "sha", "contamination_type": "uxo", "source": "t", "name": "bowtie"},
                   "geometry": {"type": "Polygon", "coordinates": [[[3395000, 6520000], [3397000, 6522000], [3397000, 6520000], [3395000, 6522000], [3395000, 6520000]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "contamination_type": "UXO", "source": "t"},
                   "geometry": {"type": "Point", "coordinates": [3395000, 6520000]}},
                  {"type": "Feature", "properties": {"hazard_type": "RED", "contamination_type": "UXO", "source": "t"},
                   "geometry": {"type": "Polygon", "coordinates": [[[3395000, 6520000], [3397000, 6520000], [3397000, 6522000], [3395000, 6520000]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "contamination_type": "UXO", "source": "t", "name": "3d"},
                   "geometry": {"type": "Polygon", "coordinates": [[[3395000, 6520000, 150], [3397000, 6520000, 150], [3397000, 6522000, 150], [3395000, 6520000, 150]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "contamination_type": "UXO", "source": "t", "note": "%s"},
                   "geometry": {"type": "Polygon", "coordinates": [[[3395000, 6520000], [3397000, 6520000], [3397000, 6522000], [3395000, 6520000]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "contamination_type": "UXO", "source": "t"},
                   "geometry": {"type": "Polygon", "coordinates": [[[-3000000, -3000000], [-2990000, -3000000], [-2990000, -2990000], [-3000000, -3000000]]]}},
                  {"type": "Feature", "properties": {"hazard_type": "CHA", "source": "t"}, "geometry": null}
                 ]}""".formatted(huge));
        var job = imports.stage(ImportTarget.HAZARDS, "mixed.geojson", geojson);
        assertThat(job.sourceSrid()).isEqualTo(3857);
        assertThat(job.warnings()).contains("import.warning.3d:");
        var preview = imports.validate(job.id(), imports.suggestMapping(job));
        Map<Integer, String> reasons = new java.util.HashMap<>();
        preview.problems().forEach(p -> reasons.put(p.row(), p.status() + " " + p.reasonKey() + " " + p.reasonArg()));
        assertThat(reasons.get(2)).startsWith("REPAIRED import.row.repaired Self-intersection");
        assertThat(reasons.get(3)).startsWith("REJECTED error.import.row.not-polygon");
        assertThat(reasons.get(4)).startsWith("REJECTED error.import.row.value hazard_type=RED");
        assertThat(reasons.get(6)).startsWith("REJECTED error.import.row.too-long");
        assertThat(reasons.get(7)).startsWith("REJECTED error.import.row.no-country");
        assertThat(reasons.get(8)).startsWith("REJECTED error.import.row.no-geometry");
        assertThat(reasons).doesNotContainKeys(1, 5);
        assertThat(preview.ok()).isEqualTo(2);
        assertThat(preview.repaired()).isEqualTo(1);
        imports.commit(preview.jobId(), false, null, null);
        var kyiv = db.fetchOne("SELECT ST_X(ST_Centroid(geom)), ST_Y(ST_Centroid(geom)), iso3, hazard_type FROM hazard WHERE hazard_id > ? AND name = 'mercator'",
                maxHazard);
        assertThat(kyiv.get(0, Double.class)).isBetween(30.49, 30.51);
        assertThat(kyiv.get(1, Double.class)).isBetween(50.42, 50.44); // y 6,521,000 m in Web Mercator
        assertThat(kyiv.get(2, String.class)).isEqualTo("UKR");
        assertThat(db.fetchOne("SELECT hazard_type || contamination_type FROM hazard WHERE hazard_id > ? AND name = 'bowtie'", maxHazard)
                .get(0, String.class)).isEqualTo("SHAUXO");
    }

    @Test
    void a_large_file_validates_in_slices_and_every_row_gets_its_fate_once() throws Exception {
        int n = 20_001; // above the slicing threshold: one slice per core (two or more on the build machines)
        java.util.Set<Integer> bowties = java.util.Set.of(1, 10_001, 10_002, n);
        StringBuilder features = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 1; i <= n; i++) {
            double x = 30.6 + (i % 150) * 0.01;
            double y = 48.0 + (i / 150) * 0.01;
            String ring = bowties.contains(i)
                    ? "[[%1$.4f,%2$.4f],[%3$.4f,%4$.4f],[%3$.4f,%2$.4f],[%1$.4f,%4$.4f],[%1$.4f,%2$.4f]]"
                    : "[[%1$.4f,%2$.4f],[%3$.4f,%2$.4f],[%3$.4f,%4$.4f],[%1$.4f,%4$.4f],[%1$.4f,%2$.4f]]";
            features.append(i == 1 ? "" : ",").append("{\"type\": \"Feature\", \"properties\": {\"hazard_type\": \"SHA\", ")
                    .append("\"contamination_type\": \"UXO\", \"source\": \"slices\", \"name\": \"s").append(i).append("\"}, ")
                    .append("\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [")
                    .append(String.format(java.util.Locale.ROOT, ring, x, y, x + 0.005, y + 0.005)).append("]}}");
        }
        var preview = stageAndValidate(ImportTarget.HAZARDS, file("slices.geojson", features.append("]}").toString()));
        assertThat(preview.repaired()).isEqualTo(4);
        assertThat(preview.ok()).isEqualTo(n - 4);
        assertThat(preview.rejected()).isZero();
        assertThat(preview.problems()).extracting(ImportService.RowReport::row).containsExactlyInAnyOrderElementsOf(bowties);
        assertThat(db.fetchOne("SELECT count(*) FROM import_staging WHERE import_job_id = ? AND (vals IS NULL OR iso3 IS NULL)",
                preview.jobId()).get(0, Long.class)).as("every row validated, whichever slice it fell in").isZero();
        assertThat(imports.commit(preview.jobId(), false, null, null)).isEqualTo(n);
        assertThat(db.fetchOne("SELECT count(*), count(DISTINCT name) FROM hazard WHERE hazard_id > ? AND source = 'slices'", maxHazard)
                .intoList()).containsExactly((long) n, (long) n);
        assertThat(db.fetchOne("""
                SELECT count(*) FROM hazard WHERE hazard_id > ? AND source = 'slices'
                  AND area_m2 IS DISTINCT FROM round(ST_Area(geom::geography)::numeric, 1)""", maxHazard).get(0, Long.class))
                .as("areas on the spheroid, computed while validating").isZero();
        assertThat(db.fetchOne("""
                SELECT count(*) FROM hazard h WHERE hazard_id > ? AND source = 'slices'
                  AND h.admin_area_id IS DISTINCT FROM (SELECT a.admin_area_id FROM admin_area a WHERE a.level = 1
                                                        AND ST_Intersects(a.geom, ST_PointOnSurface(h.geom)) ORDER BY a.admin_area_id LIMIT 1)""",
                maxHazard).get(0, Long.class)).as("the admin-1 area of a point inside each, in every slice").isZero();
        assertThat(db.fetchOne("SELECT count(admin_area_id) FROM hazard WHERE hazard_id > ? AND source = 'slices'", maxHazard).get(0, Long.class))
                .as("rows in admin-1 areas").isPositive();
    }

    @Test
    void malformed_files_are_refused_with_a_reason_and_a_cancelled_commit_leaves_nothing() throws Exception {
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "broken.geojson", file("broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{")))
                .hasMessage("error.import.json");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "empty.geojson", file("empty.geojson", "")))
                .hasMessage("error.import.empty");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "none.geojson", file("none.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}")))
                .hasMessage("error.import.empty");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "x.shp", file("x.shp", "x"))).hasMessage("error.import.shapefile");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "x.zip", file("x.zip", "not a zip"))).hasMessage("error.import.zip");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "x.kml", file("x.kml", "<kml/>"))).hasMessage("error.import.format");
        assertThatThrownBy(() -> imports.stage(ImportTarget.CASUALTIES, "x.csv", file("x.csv", "a,b\n1,2\n"))).hasMessage("error.import.csv-location");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "x.gpkg", file("x.gpkg", "not a geopackage"))).isInstanceOf(ClearwayException.class);
        // damaged shapefiles: a .shp shorter than its 100-byte header, and a .dbf whose fields are wider than its records
        byte[] dbf = new byte[32 + 32 + 1 + 5];
        dbf[0] = 3;
        java.nio.ByteBuffer.wrap(dbf).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 1).putShort(8, (short) 65).putShort(10, (short) 5);
        System.arraycopy("NAME".getBytes(StandardCharsets.US_ASCII), 0, dbf, 32, 4);
        dbf[32 + 11] = 'C';
        dbf[32 + 16] = (byte) 200; // a 200-character field in a 5-byte record
        dbf[64] = 0x0D;
        byte[] shp = new byte[100 + 8 + 20];
        java.nio.ByteBuffer.wrap(shp).putInt(100, 1).putInt(104, 10);
        java.nio.ByteBuffer.wrap(shp).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(108, 1).putDouble(112, 30.5);
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "short.zip", zip("short.zip", Map.of("a.shp", new byte[10], "a.dbf", dbf))))
                .hasMessage("error.import.damaged");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "wide.zip", zip("wide.zip", Map.of("b.shp", shp, "b.dbf", dbf))))
                .hasMessage("error.import.damaged");
        assertThat(db.fetchCount(db.selectFrom("import_staging"))).isZero();
        assertThat(db.fetchCount(db.selectFrom("import_job").where("file_name IN ('short.zip', 'wide.zip')"))).as("no job left behind").isZero();
        // a file holding a single Feature (not a FeatureCollection) is one feature
        var single = imports.stage(ImportTarget.HAZARDS, "one.geojson", file("one.geojson", """
                {"type": "Feature", "properties": {"name": "One", "status": "CHA"},
                 "geometry": {"type": "Polygon", "coordinates": [[[30.5, 50.4], [30.6, 50.4], [30.6, 50.5], [30.5, 50.4]]]}}"""));
        assertThat(single.rows()).isEqualTo(1);
        assertThat(single.warnings()).as("2D").doesNotContain("import.warning.3d:");
        assertThat(single.attributes()).containsExactly("name", "status");
        imports.cancel(single.id());
        // M values (a measure per vertex, e.g. from a linear-referencing system) are dropped like Z, and said so
        var measured = imports.stage(ImportTarget.CASUALTIES, "m.csv", file("m.csv", "wkt,outcome\n\"POINT M (30.52 50.45 7)\",KILLED\n"));
        assertThat(measured.warnings()).contains("import.warning.3d:");
        imports.cancel(measured.id());

        byte[] exported = exports.export("hazards", "UKR", DatasetExport.Format.GEOJSON, k -> k);
        var preview = stageAndValidate(ImportTarget.HAZARDS, file("again.geojson", exported));
        AtomicBoolean cancel = new AtomicBoolean(false);
        int[] seen = {0};
        assertThatThrownBy(() -> imports.commit(preview.jobId(), false, written -> {
            seen[0] = written;
            cancel.set(true);
        }, cancel)).hasMessage("error.import.cancelled");
        assertThat(seen[0]).as("one batch was written before the cancel").isPositive();
        assertThat(db.fetchOne("SELECT count(*) FROM hazard WHERE hazard_id > ?", maxHazard).get(0, Long.class)).as("rolled back").isZero();
        assertThat(imports.job(preview.jobId()).status()).as("still ready to commit").isEqualTo("VALIDATED");
        assertThat(imports.commit(preview.jobId(), false, null, null)).isPositive();

        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> imports.stage(ImportTarget.HAZARDS, "again.geojson", dir.resolve("again.geojson")))
                .isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "lead.yemen");
        var outside = imports.validate(imports.stage(ImportTarget.HAZARDS, "again.geojson", dir.resolve("again.geojson")).id(),
                Map.of("hazard_type", new Source("hazard_type", null), "contamination_type", new Source("contamination_type", null),
                        "status", new Source("status", null), "source", new Source(null, "test")));
        assertThat(outside.ok()).as("Ukrainian hazards are outside a Yemen lead's scope").isZero();
        assertThat(outside.problems()).allSatisfy(p -> assertThat(p.reasonKey()).isEqualTo("error.import.row.scope"));
    }

    long testProposal(String code, String organisationAcronym, String status) {
        return db.fetchOne("""
                INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status)
                SELECT rp.response_plan_id, sc.subcluster_id, o.organisation_id, ?, 'Import test proposal', 100000, ?
                FROM response_plan rp JOIN subcluster sc ON sc.iso3 = rp.iso3, organisation o
                WHERE rp.iso3 = 'UKR' AND o.acronym = ? ORDER BY rp.year DESC, sc.subcluster_id LIMIT 1
                RETURNING proposal_id""", code, status, organisationAcronym).get(0, Long.class);
    }

    List<String> locationsOf(long proposalId) {
        return db.fetch("SELECT a.pcode FROM proposal_location l JOIN admin_area a USING (admin_area_id) WHERE l.proposal_id = ? ORDER BY 1",
                proposalId).getValues(0, String.class);
    }

    @Test
    void a_partner_adds_locations_to_its_own_open_proposals_by_pcode_or_by_point_and_nothing_else() throws Exception {
        long draft = testProposal("T-LOC-DRAFT", "HALO", "DRAFT");
        long revision = testProposal("T-LOC-REV", "HALO", "REVISION_REQUESTED");
        testProposal("T-LOC-SUB", "HALO", "SUBMITTED");
        String otherOrg = db.fetchOne("SELECT acronym FROM organisation WHERE acronym IS NOT NULL AND acronym <> 'HALO' ORDER BY organisation_id LIMIT 1")
                .get(0, String.class);
        testProposal("T-LOC-OTHER", otherOrg, "DRAFT");
        db.execute("INSERT INTO proposal_location (proposal_id, admin_area_id) SELECT ?, admin_area_id FROM admin_area WHERE pcode = 'UA05'", draft);
        long draftVersion = db.fetchOne("SELECT version FROM proposal WHERE proposal_id = ?", draft).get(0, Long.class);

        AsUser.login(users, "lead.ukraine");
        Path csv = file("locations.csv", """
                proposal_code,pcode
                t-loc-draft,UA05
                T-LOC-DRAFT,UA07
                T-LOC-DRAFT,ua07
                T-LOC-SUB,UA07
                T-LOC-OTHER,UA07
                T-LOC-NONE,UA07
                T-LOC-DRAFT,YE11
                T-LOC-DRAFT,UA99
                ,UA07
                """);
        assertThatThrownBy(() -> imports.stage(ImportTarget.PROPOSAL_LOCATIONS, "locations.csv", csv))
                .as("leads review proposals, they do not edit them").isInstanceOf(AccessRefusedException.class);

        AsUser.login(users, "partner.halo");
        assertThat(imports.canImport(ImportTarget.PROPOSAL_LOCATIONS)).isTrue();
        assertThat(imports.canImport(ImportTarget.HAZARDS)).isFalse();
        var preview = stageAndValidate(ImportTarget.PROPOSAL_LOCATIONS, csv);
        Map<Integer, String> reasons = new java.util.HashMap<>();
        preview.problems().forEach(p -> reasons.put(p.row(), p.reasonKey() + " " + p.reasonArg()));
        assertThat(reasons).containsEntry(4, "error.import.row.proposal-state T-LOC-SUB")
                .containsEntry(5, "error.import.row.proposal T-LOC-OTHER") // another organisation's: the same words as an unknown code
                .containsEntry(6, "error.import.row.proposal T-LOC-NONE")
                .containsEntry(7, "error.import.row.proposal-country T-LOC-DRAFT")
                .containsEntry(8, "error.import.row.no-geometry ") // UA99: no such P-code
                .containsEntry(9, "error.import.row.required proposal_code")
                .doesNotContainKeys(1, 2, 3);
        assertThat(preview.ok()).isEqualTo(3);
        assertThat(imports.commit(preview.jobId(), false, null, null)).as("UA07 once; UA05 was there already").isEqualTo(1);
        assertThat(locationsOf(draft)).containsExactly("UA05", "UA07");
        assertThat(db.fetchOne("SELECT version FROM proposal WHERE proposal_id = ?", draft).get(0, Long.class))
                .as("an open form on the proposal sees that it changed").isEqualTo(draftVersion + 1);
        assertThat(db.fetchOne("SELECT ST_Contains(footprint, (SELECT ST_PointOnSurface(geom) FROM admin_area WHERE pcode = 'UA07')) FROM proposal WHERE proposal_id = ?",
                draft).get(0, Boolean.class)).as("the footprint on the map follows").isTrue();
        assertThat(db.fetchOne("SELECT after_state ->> 'locations_added' FROM audit_event WHERE action = 'IMPORT' AND entity = 'proposal' "
                + "AND entity_id = ? ORDER BY audit_event_id DESC LIMIT 1", String.valueOf(draft)).get(0, String.class))
                .as("the proposal's history says what the import added").isEqualTo("UA07");
        var repeat = stageAndValidate(ImportTarget.PROPOSAL_LOCATIONS, csv);
        assertThat(imports.commit(repeat.jobId(), true, null, null)).as("the same file again adds nothing").isZero();
        assertThat(db.fetchOne("SELECT version FROM proposal WHERE proposal_id = ?", draft).get(0, Long.class))
                .as("nor does it change the proposal's version").isEqualTo(draftVersion + 1);

        // a point in Kyiv gives the admin-1 area it falls in; the proposal is submitted before the commit: nothing is written
        var point = stageAndValidate(ImportTarget.PROPOSAL_LOCATIONS, file("sites.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "T-LOC-REV"}, "geometry": {"type": "Point", "coordinates": [30.52, 50.45]}},
                  {"type": "Feature", "properties": {"code": "T-LOC-DRAFT"},
                   "geometry": {"type": "Polygon", "coordinates": [[[28.4, 49.2], [30.6, 49.2], [30.6, 50.5], [28.4, 50.5], [28.4, 49.2]]]}}]}"""));
        assertThat(point.ok()).isEqualTo(2);
        // the box covers parts of several oblasts: every one of them is a location (areas it only touches are not)
        List<String> covered = db.fetch("""
                SELECT pcode FROM admin_area WHERE level = 1 AND iso3 = 'UKR'
                  AND ST_Intersects(geom, ST_MakeEnvelope(28.4, 49.2, 30.6, 50.5, 4326)) AND NOT ST_Touches(geom, ST_MakeEnvelope(28.4, 49.2, 30.6, 50.5, 4326))
                ORDER BY 1""").getValues(0, String.class);
        String vinnytsia = db.fetchOne("SELECT pcode FROM admin_area WHERE level = 1 AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint(28.47, 49.23), 4326))")
                .get(0, String.class);
        String kyiv = db.fetchOne("SELECT pcode FROM admin_area WHERE level = 1 AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint(30.52, 50.45), 4326)) "
                + "ORDER BY admin_area_id LIMIT 1").get(0, String.class);
        db.execute("UPDATE proposal SET status = 'SUBMITTED' WHERE proposal_id = ?", revision);
        assertThatThrownBy(() -> imports.commit(point.jobId(), false, null, null)).hasMessage("error.import.proposal-changed");
        assertThat(locationsOf(revision)).isEmpty();
        assertThat(imports.job(point.jobId()).status()).isEqualTo("VALIDATED");
        db.execute("UPDATE proposal SET status = 'REVISION_REQUESTED' WHERE proposal_id = ?", revision);
        db.execute("UPDATE proposal SET code = 'T-LOC-REV2' WHERE proposal_id = ?", revision);
        assertThatThrownBy(() -> imports.commit(point.jobId(), false, null, null)).as("its code no longer finds it")
                .hasMessage("error.import.proposal-changed");
        db.execute("UPDATE proposal SET code = 'T-LOC-REV' WHERE proposal_id = ?", revision);
        List<String> before = locationsOf(draft);
        assertThat(imports.commit(point.jobId(), false, null, null))
                .isEqualTo(1 + (int) covered.stream().filter(c -> !before.contains(c)).count());
        assertThat(locationsOf(revision)).containsExactly(kyiv);
        assertThat(covered).contains(kyiv, vinnytsia).hasSizeGreaterThan(2);
        assertThat(locationsOf(draft)).containsAll(covered).contains("UA05", "UA07");
    }

    @Test
    void a_proposal_submitted_while_a_location_commit_waits_for_its_row_is_refused() throws Exception {
        long proposal = testProposal("T-LOC-LOCK", "HALO", "DRAFT");
        AsUser.login(users, "partner.halo");
        var preview = stageAndValidate(ImportTarget.PROPOSAL_LOCATIONS, file("lock.csv", "proposal_code,pcode\nT-LOC-LOCK,UA07\n"));
        assertThat(preview.ok()).isEqualTo(1);
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("UPDATE proposal SET status = 'SUBMITTED' WHERE proposal_id = " + proposal); // not committed yet
            var commit = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                try {
                    return imports.commit(preview.jobId(), false, null, null);
                } finally {
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                }
            });
            try {
                // wait until the commit is blocked on the row lock (not merely slow to start): else it could read the
                // submitted status after the other transaction and be refused without the lock being tested
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (db.fetchOne("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'")
                        .get(0, Long.class) == 0) {
                    assertThat(commit).as("the commit waits for the proposal's row").isNotDone();
                    assertThat(System.nanoTime()).as("the commit reaches the lock within 30 s").isLessThan(deadline);
                    Thread.sleep(20);
                }
                other.commit();
                assertThatThrownBy(() -> commit.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasRootCauseMessage("error.import.proposal-changed");
            } finally {
                other.rollback(); // a failed assertion: release the row so that the commit ends before the clean-up
                try {
                    commit.get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException expected) {
                    // refused, as asserted above
                }
            }
        }
        assertThat(locationsOf(proposal)).isEmpty();
    }

    @Test
    void a_zipped_shapefile_in_utm_written_by_gdal_gives_back_the_same_hazards() throws Exception {
        List<String> original = hazardsOf("iso3 = 'UKR'");
        Path geojson = file("hazards.geojson", exports.export("hazards", "UKR", DatasetExport.Format.GEOJSON, k -> k));
        Path shpDir = Files.createDirectories(dir.resolve("shp"));
        OgcApiIT.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:32636", shpDir.resolve("hazards.shp").toString(), geojson.toString());
        Path zip = dir.resolve("hazards-utm36n.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); var files = Files.list(shpDir)) {
            for (Path f : files.toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        var job = imports.stage(ImportTarget.HAZARDS, "hazards-utm36n.zip", zip);
        assertThat(job.format()).isEqualTo("SHAPEFILE");
        assertThat(Messages.get(Locale.ENGLISH, "data.format." + job.format())).as("the status line names the format").isEqualTo("Shapefile (zip)");
        assertThat(job.sourceSrid()).isEqualTo(32636);
        // dBASE field names are cut to 10 characters: mapped by hand, as a coordinator would
        var preview = imports.validate(job.id(), Map.of("hazard_type", new Source("hazard_typ", null),
                "contamination_type", new Source("contaminat", null), "status", new Source("status", null), "name", new Source("name", null),
                "recorded_date", new Source("recorded_d", null), "source", new Source("source", null)));
        assertThat(preview.rejected()).as(preview.problems().toString()).isZero();
        imports.commit(preview.jobId(), false, null, null);
        assertThat(hazardsOf("hazard_id > ?", maxHazard)).isEqualTo(original);
        assertThat(db.fetchOne("""
                SELECT max(ST_HausdorffDistance(o.geom, n.geom)) FROM hazard n JOIN hazard o ON o.name = n.name AND o.hazard_id <= ?
                WHERE n.hazard_id > ?""", maxHazard, maxHazard).get(0, Double.class)).isLessThan(1e-6);
    }

    @Test
    void an_import_left_unfinished_for_a_day_is_cancelled_and_its_staged_rows_dropped() throws Exception {
        byte[] exported = exports.export("hazards", "UKR", DatasetExport.Format.GEOJSON, k -> k);
        var old = imports.stage(ImportTarget.HAZARDS, "old.geojson", file("old.geojson", exported));
        var recent = imports.stage(ImportTarget.HAZARDS, "recent.geojson", file("recent.geojson", exported));
        db.execute("UPDATE import_job SET created_at = now() - interval '25 hours' WHERE import_job_id = ?", old.id());
        assertThat(imports.forgetAbandoned()).isEqualTo(1);
        assertThat(imports.job(old.id()).status()).isEqualTo("CANCELLED");
        assertThat(db.fetchCount(db.selectFrom("import_staging").where("import_job_id = ?", old.id()))).isZero();
        assertThat(imports.job(recent.id()).status()).isEqualTo("STAGED");
        assertThat(db.fetchCount(db.selectFrom("import_staging").where("import_job_id = ?", recent.id()))).isEqualTo(recent.rows());
        imports.cancel(recent.id());
    }
}
