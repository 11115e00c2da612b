package org.clearway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearway.Application;
import org.clearway.db.PgCluster;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmarks, run with {@code ./clearway bench <command>} (README, "Benchmarks"):
 * <ul>
 *   <li>{@code generate [hazards] [casualties] [proposals]}: a separate database (its own cluster in
 *       {@code $CLEARWAY_DATA_DIR/bench-postgres}) with the demo data plus a large synthetic dataset,
 *       by default 1,000,000 hazard polygons, 200,000 casualty points and 20,000 proposals.</li>
 *   <li>{@code tiles [count]}: a fixed, seeded mix of tiles z4-z14 through the HTTP endpoint and the same
 *       SQL over JDBC, p50/p95 of both, their ratio, the cached-tile latency and tile sizes.</li>
 *   <li>{@code import [features]}: the same polygons from GeoJSON and GeoPackage through Clearway's importer and
 *       through GDAL's ogr2ogr into the same database, times and ratio; with {@code append}, also ogr2ogr appending into
 *       the hazard table itself.</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "help";
        Path dataDir = Path.of(System.getenv().getOrDefault("CLEARWAY_DATA_DIR", "data"));
        PgCluster cluster = new PgCluster(dataDir.resolve("bench-postgres"), 0, false);
        cluster.start();
        try {
            switch (command) {
                case "generate" -> generate(cluster, number(args, 1, 1_000_000), number(args, 2, 200_000), number(args, 3, 20_000));
                case "tiles" -> TileBenchmark.run(cluster, number(args, 1, 600));
                case "dashboard" -> DashboardBenchmark.run(cluster, number(args, 1, 30));
                case "import" -> ImportBenchmark.run(cluster, number(args, 1, 100_000), List.of(args).contains("append"));
                default -> System.out.println("usage: ./clearway bench generate [hazards casualties proposals] | tiles [count] | dashboard [rounds] | import [features] [append]");
            }
        } finally {
            cluster.stop();
        }
    }

    private static int number(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** Starts Clearway on a free port on the bench database (migrations, reference and demo data on first start). */
    static ConfigurableApplicationContext app(PgCluster cluster, Map<String, Object> extra) {
        SpringApplication app = new SpringApplication(Application.class);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", cluster.jdbcUrl());
        props.put("spring.datasource.username", PgCluster.SUPERUSER);
        props.put("spring.datasource.password", cluster.password());
        props.put("server.port", "0");
        props.put("vaadin.productionMode", "true");
        props.put("logging.level.root", "warn");
        props.putAll(extra);
        app.setDefaultProperties(props);
        return app.run();
    }

    private static void generate(PgCluster cluster, int hazards, int casualties, int proposals) throws Exception {
        long start = System.nanoTime();
        app(cluster, Map.of()).close();
        System.out.printf("bench database migrated with reference and demo data (%d s)%n", (System.nanoTime() - start) / 1_000_000_000);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(), PgCluster.SUPERUSER, cluster.password())) {
            long already = count(c, "SELECT count(*) FROM hazard WHERE source = 'benchmark: synthetic'");
            if (already > 0) {
                System.out.printf("the bench database already holds %d benchmark hazards: nothing to do%n", already);
                return;
            }
            String sql = Files.readString(Path.of("bench/generate-large.sql"))
                    .replace(":hazards", Integer.toString(hazards))
                    .replace(":casualties", Integer.toString(casualties))
                    .replace(":proposals", Integer.toString(proposals));
            c.setAutoCommit(false);
            c.createStatement().execute("SET search_path TO public, postgis");
            long t = System.nanoTime();
            for (String statement : Arrays.stream(sql.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
                String body = statement.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (body.isEmpty()) {
                    continue;
                }
                long s0 = System.nanoTime();
                c.createStatement().execute(body);
                System.out.printf("  %-60s %6d ms%n", body.lines().findFirst().orElse("").strip(), (System.nanoTime() - s0) / 1_000_000);
            }
            c.commit();
            System.out.printf("generated in %d s: %d hazards, %d casualties, %d proposals in total%n", (System.nanoTime() - t) / 1_000_000_000,
                    count(c, "SELECT count(*) FROM hazard"), count(c, "SELECT count(*) FROM casualty"), count(c, "SELECT count(*) FROM proposal"));
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (var statement = c.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
