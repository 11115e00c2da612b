package org.clearway.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clearway.db.PgCluster;
import org.clearway.map.TileLayer;

/** The tile benchmark: endpoint (HTTP, uncached then cached) against the same SQL over JDBC, on the bench database. */
final class TileBenchmark {

    private record TileCase(String layer, int z, int x, int y, String query, List<Object> binds) {
        String path() {
            return "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt" + (query.isEmpty() ? "" : "?" + query);
        }
    }

    private TileBenchmark() {
    }

    /**
     * Phase 1 (tile cache off): each tile's SQL over JDBC and through the endpoint, both on warm database
     * pages (one untimed run of each first), alternating which goes first. Phase 2 (cache on): every tile
     * once to fill the cache, then timed cached requests, anonymous (as a browser session costs about the
     * same) and with HTTP Basic (the password check remembered for a minute); then the cached requests
     * again, each after a 4 ms pause, which shows what resuming the HTTP path after the machine idled costs without
     * any SQL (an uncached tile's client and request thread wait as long while its query runs), and {@code SELECT 1}
     * over JDBC after the same pause, for comparison.
     */
    static void run(PgCluster cluster, int count) throws Exception {
        try (Connection jdbc = DriverManager.getConnection(cluster.jdbcUrl(), PgCluster.SUPERUSER, cluster.password())) {
            jdbc.createStatement().execute("SET search_path TO public, postgis");
            long org = Bench.count(jdbc, "SELECT organisation_id FROM app_user WHERE username = 'coordinator'");
            System.out.printf("bench database: %d hazards, %d casualties, %d proposals%n", Bench.count(jdbc, "SELECT count(*) FROM hazard"),
                    Bench.count(jdbc, "SELECT count(*) FROM casualty"), Bench.count(jdbc, "SELECT count(*) FROM proposal"));
            List<TileCase> cases = mix(jdbc, count, org);
            String auth = "Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
            double[] sqlMs = new double[cases.size()];
            double[] httpMs = new double[cases.size()];
            double[] renderMs = new double[cases.size()];
            double[] tileMs = new double[cases.size()];
            int maxBytes = 0;
            int over500k = 0;
            double[] sizes = new double[cases.size()];
            try (var app = Bench.app(cluster, Map.of("clearway.tiles.cache-mb", "0"));
                 var http = new KeepAliveClient("127.0.0.1", port(app))) {
                // warm-up of the JVM (JIT of Tomcat, the tile endpoint, the JDBC driver) and of the database pages
                for (TileCase c : cases) {
                    sql(jdbc, c);
                    get(http, auth, c.path());
                }
                // then each tile through both, alternating which goes first, so that drifts of the machine's
                // speed and the second run's warmer caches fall on both sides alike (cache off)
                for (int i = 0; i < cases.size(); i++) {
                    TileCase c = cases.get(i);
                    if (i % 2 == 0) {
                        sqlMs[i] = timed(() -> sql(jdbc, c));
                    }
                    int bytes = get(http, auth, c.path());
                    httpMs[i] = lastMs;
                    renderMs[i] = lastRenderMs;
                    tileMs[i] = lastTileMs;
                    sizes[i] = bytes;
                    maxBytes = Math.max(maxBytes, bytes);
                    over500k += bytes > 500_000 ? 1 : 0;
                    if (i % 2 == 1) {
                        sqlMs[i] = timed(() -> sql(jdbc, c));
                    }
                }
            }
            double[] anonymousMs = new double[cases.size()];
            double[] basicMs = new double[cases.size()];
            double[] pausedMs = new double[cases.size()];
            double[] pausedJdbcMs = new double[cases.size()];
            double[] fillMs = new double[cases.size()];
            double[] fillTileMs = new double[cases.size()];
            try (var app = Bench.app(cluster, Map.of()); var http = new KeepAliveClient("127.0.0.1", port(app))) {
                for (int i = 0; i < cases.size(); i++) {
                    get(http, null, cases.get(i).path());
                    fillMs[i] = lastMs;
                    fillTileMs[i] = lastTileMs;
                    get(http, auth, cases.get(i).path());
                }
                for (int i = 0; i < cases.size(); i++) {
                    get(http, null, cases.get(i).path());
                    anonymousMs[i] = lastMs;
                    get(http, auth, cases.get(i).path());
                    basicMs[i] = lastMs;
                }
                // the same cached requests after the client and Tomcat's threads waited as long as during an uncached tile's
                // query: no SQL at all, only the HTTP path (client, Tomcat, the filter) resumed after a pause
                for (int i = 0; i < cases.size(); i++) {
                    Thread.sleep(4);
                    get(http, auth, cases.get(i).path());
                    pausedMs[i] = lastMs;
                    Thread.sleep(4);
                    pausedJdbcMs[i] = timed(() -> Bench.count(jdbc, "SELECT 1"));
                }
            }
            System.out.printf("%d distinct tiles, z4-z14, layers %s (seeded mix)%n", cases.size(),
                    cases.stream().map(TileCase::layer).distinct().toList());
            System.out.printf("raw SQL over JDBC          p50 %8.2f ms   p95 %8.2f ms%n", pct(sqlMs, 50), pct(sqlMs, 95));
            System.out.printf("endpoint, not cached       p50 %8.2f ms   p95 %8.2f ms%n", pct(httpMs, 50), pct(httpMs, 95));
            System.out.printf("  of which SQL in the app  p50 %8.2f ms   p95 %8.2f ms   (Server-Timing)%n", pct(renderMs, 50), pct(renderMs, 95));
            System.out.printf("  tile service in the app  p50 %8.2f ms   p95 %8.2f ms   (Server-Timing)%n", pct(tileMs, 50), pct(tileMs, 95));
            double[] outsideService = new double[cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                outsideService[i] = httpMs[i] - tileMs[i];
            }
            System.out.printf("  per request: outside the tile service (client, HTTP, caller) p50 %6.2f ms; tile size p50 %.0f bytes%n",
                    pct(outsideService, 50), pct(sizes, 50));
            System.out.printf("ratio endpoint / SQL       p50 %8.3f      p95 %8.3f      (target p50 <= 1.15)%n",
                    pct(httpMs, 50) / pct(sqlMs, 50), pct(httpMs, 95) / pct(sqlMs, 95));
            System.out.printf("endpoint, anonymous, cache on, miss  p50 %8.2f ms (tile service %8.2f ms)%n", pct(fillMs, 50), pct(fillTileMs, 50));
            System.out.printf("cached tile, anonymous     p50 %8.2f ms   p95 %8.2f ms   (target p50 <= 2 ms)%n", pct(anonymousMs, 50), pct(anonymousMs, 95));
            System.out.printf("cached tile, HTTP Basic    p50 %8.2f ms   p95 %8.2f ms%n", pct(basicMs, 50), pct(basicMs, 95));
            System.out.printf("cached tile, HTTP Basic, each after a 4 ms pause  p50 %8.2f ms   p95 %8.2f ms   (no SQL: the HTTP path after idling)%n",
                    pct(pausedMs, 50), pct(pausedMs, 95));
            System.out.printf("  for comparison: SELECT 1 over JDBC, each after a 4 ms pause  p50 %8.2f ms%n", pct(pausedJdbcMs, 50));
            System.out.printf("largest tile %d bytes; tiles over 500 KB: %d (target 0)%n", maxBytes, over500k);
        }
    }

    private static int port(org.springframework.context.ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static List<TileCase> mix(Connection jdbc, int count, long org) throws Exception {
        List<double[]> anchors = new ArrayList<>();
        try (ResultSet rs = jdbc.createStatement().executeQuery(
                "SELECT ST_X(anchor), ST_Y(anchor) FROM hazard WHERE hazard_id % 499 = 0 ORDER BY hazard_id LIMIT 5000")) {
            while (rs.next()) {
                anchors.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
            }
        }
        Random random = new Random(20261124L);
        Set<String> seen = new LinkedHashSet<>();
        List<TileCase> cases = new ArrayList<>();
        while (cases.size() < count) {
            double[] p = anchors.get(random.nextInt(anchors.size()));
            int z = 4 + random.nextInt(11);
            int n = 1 << z;
            int x = (int) Math.floor((p[0] + 180) / 360 * n);
            double r = Math.toRadians(p[1]);
            int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
            int pick = random.nextInt(10);
            TileCase c = switch (pick) {
                case 0, 1, 2, 3 -> new TileCase("hazards", z, x, y, "", Arrays.asList(z, x, y, null, null, null));
                case 4, 5 -> new TileCase("casualties", z, x, y, "year=2023", Arrays.asList(z, x, y, null, 2023));
                case 6, 7 -> new TileCase("proposals", z, x, y, "year=2025",
                        Arrays.asList(z, x, y, "GLOBAL_COORDINATOR", org, "{}", 2025, null, null, null));
                case 8 -> new TileCase("admin1", z, x, y, "year=2025", Arrays.asList(z, x, y, 2025));
                default -> new TileCase("countries", z, x, y, "treaty=APMBC", Arrays.asList(z, x, y, "APMBC"));
            };
            if (seen.add(c.path())) {
                cases.add(c);
            }
        }
        return cases;
    }

    private static double lastMs;
    private static double lastRenderMs;
    private static double lastTileMs;

    private static int get(KeepAliveClient http, String auth, String path) throws Exception {
        long t = System.nanoTime();
        KeepAliveClient.Response response = http.get(path, auth);
        lastMs = (System.nanoTime() - t) / 1e6;
        String timing = response.headers().get("server-timing");
        lastRenderMs = timing == null ? 0 : Double.parseDouble(timing.substring(timing.lastIndexOf("dur=") + 4));
        lastTileMs = timing == null ? 0 : Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4, timing.indexOf(',')));
        if (response.status() != 200) {
            throw new IllegalStateException(path + " -> " + response.status());
        }
        return response.body().length;
    }

    private static int sql(Connection jdbc, TileCase c) throws Exception {
        TileLayer layer = TileLayer.byId(c.layer()).orElseThrow();
        try (PreparedStatement ps = jdbc.prepareStatement(layer.sql())) {
            for (int i = 0; i < c.binds().size(); i++) {
                ps.setObject(i + 1, c.binds().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] bytes = rs.getBytes(1);
                return bytes == null ? 0 : bytes.length;
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
