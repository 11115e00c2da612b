package org.clearway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearway.test.ClearwayWebTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OGC API – Features over HTTP: documents, paging links, filters, scope, errors, and GDAL reading it. */
@ClearwayWebTest
class OgcApiIT {

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> get(String pathOrUrl, String user) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/geo+json, application/json");
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(String path, String user) throws Exception {
        HttpResponse<String> r = get(path, user);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (rel.equals(l.path("rel").asString())) {
                return l.path("href").asString();
            }
        }
        return null;
    }

    @Test
    void landing_conformance_and_collections_link_to_each_other() throws Exception {
        JsonNode landing = body("/ogc", null);
        assertThat(link(landing, "conformance")).endsWith("/ogc/conformance");
        assertThat(link(landing, "data")).endsWith("/ogc/collections");
        // the API definition (OGC API - Features Core: the landing page links to it), with every collection's operations
        assertThat(link(landing, "service-desc")).endsWith("/ogc/api");
        JsonNode api = body("/ogc/api", null);
        assertThat(api.path("openapi").asString()).startsWith("3.0");
        assertThat(api.path("paths").has("/collections/hazards/items")).isTrue();
        assertThat(api.path("paths").has("/collections/casualties/items/{featureId}")).isTrue();
        assertThat(api.path("paths").path("/collections/casualties/items").path("get").path("parameters").toString())
                .contains("\"limit\"", "\"bbox\"", "\"datetime\"");
        assertThat(body("/ogc/conformance", null).path("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson");
        JsonNode collections = body("/ogc/collections", null);
        List<String> ids = new ArrayList<>();
        collections.path("collections").forEach(c -> ids.add(c.path("id").asString()));
        assertThat(ids).containsExactly("countries", "admin1", "subclusters", "proposals", "hazards", "casualties", "treaty-status");
        assertThat(link(body("/ogc/collections/hazards", null), "items")).endsWith("/ogc/collections/hazards/items");
    }

    @Test
    void items_are_valid_geojson_paged_with_next_and_prev_links_that_cover_every_feature_once() throws Exception {
        JsonNode first = body("/ogc/collections/hazards/items?limit=2&bbox=22,44,40,53", null);
        long matched = first.path("numberMatched").asLong();
        assertThat(matched).isGreaterThan(4);
        assertThat(first.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(first.path("type").asString()).isEqualTo("FeatureCollection");
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : first.path("features")) {
            assertThat(f.path("type").asString()).isEqualTo("Feature");
            assertThat(reader.read(f.path("geometry").toString()).getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(f.path("properties").has("hazard_type")).isTrue();
            assertThat(f.path("properties").has("geom")).isFalse();
        }
        String next = link(first, "next");
        assertThat(next).contains("offset=2").contains("limit=2").contains("bbox=22,44,40,53");
        JsonNode second = body(next, null);
        assertThat(link(second, "prev")).contains("offset=0");
        assertThat(second.path("features").get(0).path("id").asLong()).isGreaterThan(first.path("features").get(1).path("id").asLong());
        // walking all pages of a small area returns each feature exactly once
        List<Long> seen = new ArrayList<>();
        String url = "/ogc/collections/casualties/items?limit=50&bbox=30.3,50.3,30.8,50.6";
        while (url != null) {
            JsonNode page = body(url, null);
            page.path("features").forEach(f -> seen.add(f.path("id").asLong()));
            url = link(page, "next");
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat((long) seen.size()).isEqualTo(body("/ogc/collections/casualties/items?limit=1&bbox=30.3,50.3,30.8,50.6", null)
                .path("numberMatched").asLong());
    }

    @Test
    void bbox_and_datetime_filter_and_bad_parameters_get_a_400_with_the_reason() throws Exception {
        assertThat(body("/ogc/collections/hazards/items?bbox=-20,-60,-19,-59", null).path("numberMatched").asLong()).isZero();
        // a 3D box (heights in third and sixth place) selects as its 2D footprint
        assertThat(body("/ogc/collections/hazards/items?bbox=22,44,-100,40,53,9000", null).path("numberMatched").asLong())
                .isEqualTo(body("/ogc/collections/hazards/items?bbox=22,44,40,53", null).path("numberMatched").asLong()).isPositive();
        LocalDate some = LocalDate.parse(body("/ogc/collections/casualties/items?limit=1", null).path("features").get(0)
                .path("properties").path("incident_date").asString());
        LocalDate from = some.withDayOfMonth(1);
        LocalDate to = from.plusMonths(1).minusDays(1);
        JsonNode casualties = body("/ogc/collections/casualties/items?limit=200&datetime=" + from + "T00:00:00Z/" + to, null);
        assertThat(casualties.path("numberReturned").asInt()).isPositive();
        casualties.path("features").forEach(f -> assertThat(LocalDate.parse(f.path("properties").path("incident_date").asString()))
                .isBetween(from, to));
        assertThat(body("/ogc/collections/casualties/items?datetime=../2000-01-01", null).path("numberMatched").asLong()).isZero();
        // anonymous callers get no disability or source details, and places to 0.01 degree; a signed-in coordinator gets them
        JsonNode open = body("/ogc/collections/casualties/items?limit=5", null).path("features").get(0);
        assertThat(open.path("properties").has("disability")).isFalse();
        assertThat(open.path("properties").has("source")).isFalse();
        double lon = open.path("geometry").path("coordinates").get(0).asDouble();
        assertThat(Math.abs(lon * 100 - Math.round(lon * 100))).isLessThan(1e-6);
        assertThat(body("/ogc/collections/casualties/items?limit=5", "coordinator").path("features").get(0).path("properties").has("disability"))
                .isTrue();

        HttpResponse<String> bad = get("/ogc/collections/hazards/items?bbox=1,2,3", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("InvalidParameterValue").contains("minLon,minLat,maxLon,maxLat");
        assertThat(get("/ogc/collections/hazards/items?limit=-1", null).statusCode()).isEqualTo(400);
        assertThat(get("/ogc/collections/casualties/items?datetime=yesterday", null).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/ogc/collections/secrets/items", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception");
    }

    @Test
    void anonymous_callers_see_published_proposals_only_and_a_partner_sees_its_drafts() throws Exception {
        JsonNode anonymous = body("/ogc/collections/proposals/items?limit=10000", null);
        assertThat(anonymous.path("numberReturned").asInt()).isPositive();
        anonymous.path("features").forEach(f -> assertThat(f.path("properties").path("status").asString()).isIn("PUBLISHED", "CLOSED"));
        JsonNode partner = body("/ogc/collections/proposals/items?limit=10000", "partner.halo");
        List<String> statuses = new ArrayList<>();
        partner.path("features").forEach(f -> {
            String status = f.path("properties").path("status").asString();
            statuses.add(status);
            if (!List.of("PUBLISHED", "CLOSED").contains(status)) {
                assertThat(f.path("properties").path("organisation").asString()).isEqualTo("The HALO Trust");
            }
        });
        assertThat(statuses).contains("DRAFT");
        String draft = null;
        for (JsonNode f : partner.path("features")) {
            if (f.path("properties").path("status").asString().equals("DRAFT")) {
                draft = f.path("id").asString();
            }
        }
        assertThat(get("/ogc/collections/proposals/items/" + draft, null).statusCode()).as("a draft is not public").isEqualTo(404);
        assertThat(get("/ogc/collections/proposals/items/" + draft, "partner.halo").statusCode()).isEqualTo(200);
    }

    @Test
    void gdal_lists_and_reads_the_collections() throws Exception {
        String base = "OAPIF:http://localhost:" + port + "/ogc";
        String list = run("ogrinfo", "-ro", "-q", base);
        assertThat(list).contains("countries").contains("hazards").contains("treaty-status").contains("proposals");
        String hazards = run("ogrinfo", "-ro", "-so", base, "hazards");
        assertThat(hazards).contains("Geometry: Multi Polygon").contains("hazard_type");
        String ukraine = run("ogrinfo", "-ro", "-q", "-spat", "30.3", "50.3", "30.8", "50.6", base, "casualties");
        assertThat(ukraine).contains("OGRFeature(casualties)").contains("POINT");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
