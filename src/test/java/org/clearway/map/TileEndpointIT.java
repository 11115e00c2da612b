package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.clearway.map.MvtReader.Feature;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The tile endpoint end to end: PostGIS function, HTTP, validation, scope, caching and invalidation. */
@ClearwayWebTest
class TileEndpointIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext db;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void removeTestRows() {
        db.execute("DELETE FROM proposal_location WHERE proposal_id IN (SELECT proposal_id FROM proposal WHERE code LIKE 'TEST-TILE-%')");
        db.execute("DELETE FROM proposal_activity WHERE proposal_id IN (SELECT proposal_id FROM proposal WHERE code LIKE 'TEST-TILE-%')");
        db.execute("DELETE FROM proposal WHERE code LIKE 'TEST-TILE-%'");
        db.execute("DELETE FROM hazard WHERE name = 'TEST-TILE-HAZARD'");
    }

    HttpResponse<byte[]> get(String path, String user, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static int[] tileOf(double lon, double lat, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new int[] {x, y};
    }

    private String tilePath(String layer, double lon, double lat, int z, String query) {
        int[] t = tileOf(lon, lat, z);
        return "/tiles/" + layer + "/" + z + "/" + t[0] + "/" + t[1] + ".mvt" + (query == null ? "" : "?" + query);
    }

    @Test
    void a_tile_over_a_known_hazard_holds_it_and_a_far_tile_is_empty() throws Exception {
        Record h = db.fetchOne("SELECT hazard_id, hazard_type, ST_X(anchor) AS lon, ST_Y(anchor) AS lat FROM hazard WHERE iso3 = 'UKR' AND status <> 'RELEASED' ORDER BY hazard_id LIMIT 1");
        HttpResponse<byte[]> response = get(tilePath("hazards", h.get("lon", Double.class), h.get("lat", Double.class), 12, null), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=60");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        List<Feature> features = MvtReader.read(response.body()).get("hazards");
        assertThat(features).extracting(Feature::id).contains(h.get("hazard_id", Long.class));
        Feature mine = features.stream().filter(f -> f.id().equals(h.get("hazard_id", Long.class))).findFirst().orElseThrow();
        assertThat(mine.properties()).containsEntry("hazard_type", h.get("hazard_type", String.class))
                .containsKeys("contamination_type", "status", "area_m2");

        assertThat(get(tilePath("hazards", h.get("lon", Double.class), h.get("lat", Double.class), 12, null), null, etag).statusCode())
                .as("unchanged tile revalidates").isEqualTo(304);

        HttpResponse<byte[]> far = get(tilePath("hazards", -150, -30, 10, null), null, null);
        assertThat(far.statusCode()).isEqualTo(200);
        assertThat(MvtReader.read(far.body())).doesNotContainKey("hazards");
    }

    @Test
    void released_hazards_are_left_out_of_every_zoom_unless_asked_for() throws Exception {
        // in the Black Sea, where no other hazard lies (the box checked covers the z8 tile and its margin)
        db.execute("""
                INSERT INTO hazard (iso3, hazard_type, contamination_type, status, name, geom, area_m2)
                VALUES ('UKR', 'CHA', 'AP_MINE', 'RELEASED', 'TEST-TILE-HAZARD', ST_Multi(ST_MakeEnvelope(33.001, 43.501, 33.002, 43.502, 4326)), 1)""");
        assertThat(db.fetchOne("SELECT count(*) FROM hazard WHERE anchor && ST_MakeEnvelope(32.2, 42.9, 33.9, 44.2, 4326)").get(0, Long.class))
                .as("only the test hazard there").isEqualTo(1L);
        for (int z : List.of(8, 12)) {
            List<Feature> asked = MvtReader.read(get(tilePath("hazards", 33.0015, 43.5015, z, "status=RELEASED"), null, null).body())
                    .getOrDefault("hazards", List.of());
            assertThat(asked).as("z" + z + ", released asked for").hasSize(1);
            assertThat(MvtReader.read(get(tilePath("hazards", 33.0015, 43.5015, z, null), null, null).body()))
                    .as("z" + z + ", by default").doesNotContainKey("hazards");
        }
    }

    @Test
    void filters_are_bound_into_the_tile_sql() throws Exception {
        Record p = db.fetchOne("""
                SELECT p.proposal_id, p.status, rp.year, ST_X(ST_PointOnSurface(p.footprint)) AS lon, ST_Y(ST_PointOnSurface(p.footprint)) AS lat,
                       (SELECT min(a.activity) FROM proposal_activity a WHERE a.proposal_id = p.proposal_id) AS activity
                FROM proposal p JOIN response_plan rp USING (response_plan_id)
                WHERE p.footprint IS NOT NULL AND p.deleted_at IS NULL AND p.status = 'PUBLISHED'
                  AND EXISTS (SELECT 1 FROM proposal_activity a WHERE a.proposal_id = p.proposal_id)
                  AND NOT EXISTS (SELECT 1 FROM proposal_activity a WHERE a.proposal_id = p.proposal_id AND a.activity = 'COORDINATION')
                ORDER BY p.proposal_id LIMIT 1""");
        long id = p.get("proposal_id", Long.class);
        int year = p.get("year", Integer.class);
        double lon = p.get("lon", Double.class);
        double lat = p.get("lat", Double.class);
        java.util.function.Function<String, List<Feature>> tile = query -> {
            try {
                return MvtReader.read(get(tilePath("proposals", lon, lat, 8, query), "coordinator", null).body()).getOrDefault("proposals", List.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(tile.apply("year=" + year)).extracting(Feature::id).contains(id);
        assertThat(tile.apply("year=" + (year + 1))).extracting(Feature::id).doesNotContain(id);
        List<Feature> published = tile.apply("year=" + year + "&status=PUBLISHED");
        assertThat(published).extracting(Feature::id).contains(id);
        assertThat(published).allSatisfy(f -> assertThat(f.properties()).containsEntry("status", "PUBLISHED"));
        List<Feature> drafts = tile.apply("year=" + year + "&status=DRAFT");
        assertThat(drafts).extracting(Feature::id).doesNotContain(id);
        assertThat(drafts).allSatisfy(f -> assertThat(f.properties()).containsEntry("status", "DRAFT"));
        assertThat(tile.apply("year=" + year + "&activity=" + p.get("activity", String.class))).extracting(Feature::id).contains(id);
        assertThat(tile.apply("year=" + year + "&activity=COORDINATION")).extracting(Feature::id).doesNotContain(id);
    }

    @Test
    void land_release_eore_and_subcluster_tiles_hold_the_rows_under_them() throws Exception {
        Record release = db.fetchOne("""
                SELECT lr.land_release_id AS id, extract(year FROM lr.release_date)::int AS year, ST_X(ST_PointOnSurface(coalesce(lr.geom, h.geom))) AS lon,
                       ST_Y(ST_PointOnSurface(coalesce(lr.geom, h.geom))) AS lat
                FROM land_release lr JOIN hazard h USING (hazard_id) ORDER BY lr.land_release_id LIMIT 1""");
        Record session = db.fetchOne("""
                SELECT eore_session_id AS id, extract(year FROM session_date)::int AS year, ST_X(geom) AS lon, ST_Y(geom) AS lat
                FROM eore_session ORDER BY eore_session_id LIMIT 1""");
        Record subcluster = db.fetchOne("""
                SELECT subcluster_id AS id, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
                FROM subcluster WHERE geom IS NOT NULL ORDER BY subcluster_id LIMIT 1""");
        for (var c : List.of(List.of("land_release", release, "year=" + release.get("year")), List.of("eore", session, "year=" + session.get("year")),
                List.of("subclusters", subcluster, ""))) {
            String layer = (String) c.get(0);
            Record row = (Record) c.get(1);
            HttpResponse<byte[]> response = get(tilePath(layer, row.get("lon", Double.class), row.get("lat", Double.class), 12, (String) c.get(2)), null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(MvtReader.read(response.body()).getOrDefault(layer, List.of())).as(layer).extracting(Feature::id)
                    .contains(row.get("id", Long.class));
        }
        // and the year filter holds: the same tiles in another year do not
        HttpResponse<byte[]> otherYear = get(tilePath("eore", session.get("lon", Double.class), session.get("lat", Double.class), 12,
                "year=" + (session.get("year", Integer.class) + 5)), null, null);
        assertThat(MvtReader.read(otherYear.body()).getOrDefault("eore", List.of())).extracting(Feature::id).doesNotContain(session.get("id", Long.class));
    }

    @Test
    void low_zooms_cluster_points_and_stay_small() throws Exception {
        HttpResponse<byte[]> response = get(tilePath("casualties", 31, 49, 4, "year=2023"), null, null);
        List<Feature> clusters = MvtReader.read(response.body()).get("casualties");
        assertThat(clusters).isNotEmpty().allSatisfy(f -> assertThat(f.properties()).containsKeys("count", "killed"));
        long total = clusters.stream().mapToLong(f -> ((Number) f.properties().get("count")).longValue()).sum();
        assertThat(total).as("every 2023 casualty in the tile is counted once").isGreaterThan(0);
        for (String layer : List.of("countries", "admin1", "subclusters", "hazards", "proposals")) {
            HttpResponse<byte[]> world = get("/tiles/" + layer + "/0/0/0.mvt", "coordinator", null);
            assertThat(world.statusCode()).isEqualTo(200);
            assertThat(world.body().length).as(layer + " z0 tile size").isLessThan(500_000);
        }
    }

    @Test
    void bad_requests_get_400_with_the_reason_and_unknown_layers_404() throws Exception {
        for (String path : List.of("/tiles/hazards/30/0/0.mvt", "/tiles/hazards/3/9/0.mvt", "/tiles/hazards/3/0/-1.mvt",
                "/tiles/hazards/abc/0/0.mvt", "/tiles/hazards/5/1/1.mvt?status=BURNING", "/tiles/proposals/5/1/1.mvt?year=20x5",
                "/tiles/countries/2/1/1.mvt?treaty=NATO")) {
            HttpResponse<byte[]> response = get(path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(body).as(path).contains("\"error\":\"error.tile.").contains("\"message\"").doesNotContain("Exception");
        }
        assertThat(get("/tiles/secrets/1/0/0.mvt", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_partner_never_receives_another_organisations_draft() throws Exception {
        long draft = insertDraftForMagInKyiv();
        Record centre = db.fetchOne("SELECT ST_X(ST_PointOnSurface(footprint)) AS lon, ST_Y(ST_PointOnSurface(footprint)) AS lat FROM proposal WHERE proposal_id = ?", draft);
        String path = tilePath("proposals", centre.get("lon", Double.class), centre.get("lat", Double.class), 7, "year=2026");
        assertThat(ids(get(path, "coordinator", null))).contains(draft);
        assertThat(ids(get(path, "lead.ukraine", null))).contains(draft);
        assertThat(ids(get(path, "partner.halo", null))).doesNotContain(draft);
        assertThat(ids(get(path, "lead.yemen", null))).doesNotContain(draft);
        assertThat(ids(get(path, "donor", null))).doesNotContain(draft);
        assertThat(ids(get(path, null, null))).doesNotContain(draft);
        // the partner does receive its own organisation's drafts
        Map<String, Object> halo = db.fetchOne("""
                SELECT p.proposal_id FROM proposal p JOIN organisation o USING (organisation_id)
                WHERE o.acronym = 'HALO' AND p.status = 'DRAFT' LIMIT 1""").intoMap();
        assertThat(halo).isNotEmpty();
    }

    @Test
    void wrong_basic_credentials_get_401_and_a_disabled_user_is_refused_within_seconds() throws Exception {
        String path = "/tiles/hazards/0/0/0.mvt";
        HttpRequest wrong = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "fr")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("donor:wrong".getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> refused = http.send(wrong, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(refused.body()).contains("error.auth.bad-credentials").contains("mot de passe incorrect");
        HttpRequest garbage = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic %%%").build();
        assertThat(http.send(garbage, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        assertThat(get(path, "donor", null).statusCode()).as("remembered check").isEqualTo(200);
        try {
            db.execute("UPDATE app_user SET enabled = false WHERE username = 'donor'");
            int status = 200;
            for (int i = 0; i < 50 && status == 200; i++) {
                Thread.sleep(100);
                status = get(path, "donor", null).statusCode();
            }
            assertThat(status).as("a disabled user's remembered Basic check is forgotten").isEqualTo(401);
        } finally {
            db.execute("UPDATE app_user SET enabled = true WHERE username = 'donor'");
        }
        int status = 401;
        for (int i = 0; i < 50 && status != 200; i++) {
            Thread.sleep(100);
            status = get(path, "donor", null).statusCode();
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void password_role_and_sub_cluster_changes_are_recorded_for_every_instance_to_forget_remembered_checks() {
        long before = users();
        db.execute("UPDATE app_user SET password_hash = password_hash WHERE username = 'donor'");
        assertThat(users()).isEqualTo(before + 1);
        db.execute("UPDATE app_user SET locale = locale WHERE username = 'donor'");
        assertThat(users()).as("a language change does not touch scope").isEqualTo(before + 1);
        long lead = db.fetchOne("SELECT app_user_id FROM app_user WHERE username = 'lead.ukraine'").get(0, Long.class);
        long subcluster = db.fetchOne("SELECT subcluster_id FROM app_user_subcluster WHERE app_user_id = ? LIMIT 1", lead).get(0, Long.class);
        db.execute("DELETE FROM app_user_subcluster WHERE app_user_id = ? AND subcluster_id = ?", lead, subcluster);
        db.execute("INSERT INTO app_user_subcluster (app_user_id, subcluster_id) VALUES (?, ?)", lead, subcluster);
        assertThat(users()).isEqualTo(before + 3);
    }

    private long users() {
        return db.fetchOne("SELECT count(*) FROM tile_invalidation WHERE layer = 'users'").get(0, Long.class);
    }

    @Test
    void only_get_and_head_and_only_tile_addresses() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tiles/hazards/0/0/0.mvt"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tiles/countries/0/0/0.mvt"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.body()).isEmpty();
        HttpResponse<byte[]> full = get("/tiles/countries/0/0/0.mvt", null, null);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(full.body().length));
        assertThat(get("/tiles/countries/0/0/0.mvt", null, "W/" + full.headers().firstValue("ETag").orElseThrow() + ", \"other\"").statusCode())
                .as("weak and listed entity tags revalidate too").isEqualTo(304);
        for (String bare : List.of("/tiles", "/tiles/")) {
            HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + bare)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).as(bare).isEqualTo(404);
            assertThat(none.body()).contains("error.tile.path");
        }
        HttpResponse<String> odd = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tiles/hazards/0/0.mvt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(odd.statusCode()).isEqualTo(404);
        assertThat(odd.body()).contains("error.tile.path").doesNotContain("Exception");
        assertThat(get("/tiles/hazards/0/0/0.mvt", null, null).headers().map()).doesNotContainKey("set-cookie");
    }

    @Test
    void a_data_change_invalidates_the_cached_tiles_it_touches() throws Exception {
        double lon = 36.25, lat = 49.98; // Kharkiv
        String path = tilePath("hazards", lon, lat, 12, null);
        List<Long> before = ids(get(path, null, null));
        long id = db.fetchOne("""
                INSERT INTO hazard (iso3, hazard_type, contamination_type, status, name, geom, area_m2, synthetic)
                VALUES ('UKR', 'CHA', 'AP_MINE', 'ACTIVE', 'TEST-TILE-HAZARD',
                        ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 200)::geometry), 125000, true)
                RETURNING hazard_id""", lon, lat).get(0, Long.class);
        assertThat(before).doesNotContain(id);
        List<Long> after = List.of();
        for (int i = 0; i < 50 && !after.contains(id); i++) {
            Thread.sleep(100);
            after = ids(get(path, null, null));
        }
        assertThat(after).contains(id);
    }

    private List<Long> ids(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return MvtReader.read(response.body()).getOrDefault("proposals", MvtReader.read(response.body()).getOrDefault("hazards", List.of()))
                .stream().map(Feature::id).toList();
    }

    private long insertDraftForMagInKyiv() {
        long id = db.fetchOne("""
                INSERT INTO proposal (response_plan_id, subcluster_id, organisation_id, code, title, requirements_usd, status, synthetic)
                SELECT rp.response_plan_id, s.subcluster_id, o.organisation_id, 'TEST-TILE-MAG-DRAFT', 'Test draft', 1000, 'DRAFT', true
                FROM response_plan rp JOIN subcluster s ON s.iso3 = rp.iso3, organisation o
                WHERE rp.iso3 = 'UKR' AND rp.year = 2026 AND o.acronym = 'MAG'
                RETURNING proposal_id""").get(0, Long.class);
        db.execute("INSERT INTO proposal_location (proposal_id, admin_area_id) SELECT ?, admin_area_id FROM admin_area WHERE pcode = 'UA32'", id);
        return id;
    }
}
