package org.clearway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clearway.db.PgCluster;
import org.clearway.exchange.ImportService;
import org.clearway.exchange.ImportTarget;
import org.clearway.test.AsUser;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@code ./clearway bench import [features]}: imports the same file of polygons (default 100,000 hazardous areas, seeded)
 * from GeoJSON and from GeoPackage with Clearway's importer (read, stage, validate, commit into {@code hazard}), and in the
 * same run with GDAL's {@code ogr2ogr} into a plain table of the same database, then (a second yardstick) those rows on into
 * {@code hazard} with one INSERT ... SELECT; prints the times and their ratios.
 */
final class ImportBenchmark {

    private ImportBenchmark() {
    }

    /**
     * @param append also load the file with {@code ogr2ogr -append} into the {@code hazard} table itself (its indexes,
     *               constraints and triggers, which is what Clearway writes into), as a like-for-like yardstick
     */
    static void run(PgCluster cluster, int features, boolean append) throws Exception {
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Path geojson = dir.resolve("hazards-" + features + ".geojson");
        Path gpkg = dir.resolve("hazards-" + features + ".gpkg");
        if (!Files.exists(geojson)) {
            write(geojson, features);
        }
        if (!Files.exists(gpkg)) {
            exec("ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString(), "-nln", "hazards");
        }
        System.out.printf("file: %,d polygons, GeoJSON %,d KB, GeoPackage %,d KB%n", features, Files.size(geojson) / 1024, Files.size(gpkg) / 1024);
        String pg = "PG:host=127.0.0.1 port=%d dbname=%s user=%s password=%s".formatted(cluster.port(), PgCluster.DATABASE,
                PgCluster.SUPERUSER, cluster.password());
        try (ConfigurableApplicationContext app = Bench.app(cluster, Map.of("spring.datasource.hikari.maximum-pool-size", "4"));
             Connection c = DriverManager.getConnection(cluster.jdbcUrl(), PgCluster.SUPERUSER, cluster.password())) {
            ImportService imports = app.getBean(ImportService.class);
            AsUser.login(app.getBean(UserDetailsService.class), "coordinator");
            List<String> lines = new ArrayList<>();
            for (Path file : List.of(geojson, gpkg)) {
                for (int round = 0; round < 2; round++) { // the first round warms the JVM and the caches up
                    c.createStatement().execute("DELETE FROM hazard WHERE source = 'bench import'");
                    c.createStatement().execute("DROP TABLE IF EXISTS bench_ogr_import");
                    c.createStatement().execute("VACUUM ANALYZE hazard");
                    c.createStatement().execute("VACUUM import_staging"); // rounds before left 300,000 dead row versions each
                    long t0 = System.nanoTime();
                    var job = imports.stage(ImportTarget.HAZARDS, file.getFileName().toString(), file);
                    long t1 = System.nanoTime();
                    var mapping = new java.util.LinkedHashMap<>(imports.suggestMapping(job));
                    mapping.put("source", new ImportService.Source(null, "bench import"));
                    var preview = imports.validate(job.id(), mapping);
                    long t2 = System.nanoTime();
                    int written = imports.commit(job.id(), true, null, null);
                    long t3 = System.nanoTime();
                    exec("ogr2ogr", "-f", "PostgreSQL", pg, file.toString(), "-nln", "bench_ogr_import", "-lco", "GEOMETRY_NAME=geom",
                            "-nlt", "PROMOTE_TO_MULTI", "-t_srs", "EPSG:4326");
                    long t4 = System.nanoTime();
                    // the same rows on into the live table with one statement, as one would after a GDAL load (no validation,
                    // areas or admin areas: constants stand in for them)
                    c.createStatement().execute("""
                            INSERT INTO hazard (iso3, hazard_type, contamination_type, status, name, geom, area_m2, source)
                            SELECT 'UKR', hazard_type, contamination_type, status, name, geom, 0, 'bench ogr2ogr' FROM bench_ogr_import""");
                    long t5 = System.nanoTime();
                    c.createStatement().execute("DELETE FROM hazard WHERE source = 'bench ogr2ogr'");
                    c.createStatement().execute("VACUUM hazard"); // what follows does not find the 100,000 dead rows
                    System.out.printf("round %d %s: read+stage %.2f s, validate %.2f s, commit %.2f s, ogr2ogr %.2f s, then INSERT into hazard %.2f s%n",
                            round, file.getFileName(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
                    if (round == 1 && append) {
                        String layer = file.toString().endsWith(".gpkg") ? "hazards" : file.getFileName().toString().replace(".geojson", "");
                        long a0 = System.nanoTime();
                        // GDAL writes into hazard with one INSERT per feature: its COPY would name the generated column (anchor),
                        // which COPY refuses, and it only uses COPY for an existing table when every column with a default is set
                        exec("ogr2ogr", "--config", "PG_USE_COPY", "YES", "-append", "-unsetFid", "-f", "PostgreSQL", pg, file.toString(),
                                "-nln", "hazard", "-nlt", "PROMOTE_TO_MULTI", "-dialect", "SQLite",
                                "-sql", "SELECT " + (file.toString().endsWith(".gpkg") ? "geom" : "geometry") + " AS geom, hazard_type, contamination_type, status, name,"
                                        + " 'UKR' AS iso3, 0 AS area_m2, 'bench ogr2ogr' AS source FROM \"" + layer + "\"");
                        double appendS = (System.nanoTime() - a0) / 1e9;
                        long appended = Bench.count(c, "SELECT count(*) FROM hazard WHERE source = 'bench ogr2ogr'");
                        c.createStatement().execute("DELETE FROM hazard WHERE source = 'bench ogr2ogr'");
                        lines.add("%-9s ogr2ogr -append into hazard (same table, indexes and triggers; no validation, areas or admin areas): %,d rows in %.2f s"
                                .formatted(file.toString().endsWith(".gpkg") ? "GeoPackage" : "GeoJSON", appended, appendS));
                    }
                    if (round == 1) {
                        double ours = (t3 - t0) / 1e9;
                        double gdal = (t4 - t3) / 1e9;
                        double gdalHazard = (t5 - t3) / 1e9;
                        lines.add(("%-9s Clearway %6.2f s (read+stage %.2f, validate %.2f, commit %.2f; %,d rows, %d repaired, %d rejected) | ogr2ogr %6.2f s | ratio %.2f"
                                + " | ogr2ogr + INSERT into hazard %6.2f s | ratio %.2f")
                                .formatted(file.toString().endsWith(".gpkg") ? "GeoPackage" : "GeoJSON", ours, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                                        (t3 - t2) / 1e9, written, preview.repaired(), preview.rejected(), gdal, ours / gdal, gdalHazard, ours / gdalHazard));
                    }
                }
            }
            c.createStatement().execute("DELETE FROM hazard WHERE source = 'bench import'");
            c.createStatement().execute("DROP TABLE IF EXISTS bench_ogr_import");
            c.createStatement().execute("DELETE FROM import_job");
            lines.forEach(System.out::println);
            AsUser.logout();
        }
    }

    private static void write(Path file, int n) throws Exception {
        Random random = new Random(42);
        try (var out = Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                double x = 30.5 + random.nextDouble() * 4;
                double y = 47.8 + random.nextDouble() * 2.5;
                double r = 0.001 + random.nextDouble() * 0.004;
                StringBuilder ring = new StringBuilder();
                for (int k = 0; k <= 12; k++) {
                    double a = 2 * Math.PI * (k % 12) / 12;
                    double rr = r * (0.7 + 0.3 * Math.sin(a * 3 + i));
                    ring.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.6f,%.6f]", x + rr * Math.cos(a), y + rr * Math.sin(a)));
                }
                out.write((i == 0 ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{\"hazard_type\":\"" + (i % 3 == 0 ? "CHA" : "SHA")
                        + "\",\"contamination_type\":\"UXO\",\"status\":\"ACTIVE\",\"name\":\"B-" + i + "\"},\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[" + ring + "]]}}");
            }
            out.write("\n]}\n");
        }
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
