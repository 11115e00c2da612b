package org.clearway.exchange;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearway.common.ClearwayException;
import org.clearway.common.Messages;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features, Part 1 (Core, GeoJSON), read-only: landing page, conformance, collections, items with
 * {@code bbox}, {@code datetime}, {@code limit}/{@code offset} paging and next/prev links, single features.
 * Geometry in CRS84 (lon/lat). Anonymous callers see published data only; HTTP Basic gives the user's scope.
 * Bad parameters get 400 with a translated reason, never a stack trace.
 */
@RestController
@RequestMapping("/ogc")
public class OgcController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final JsonMapper json = JsonMapper.builder().build();

    public OgcController(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }

    private ObjectNode link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode l = links.addObject().put("href", href).put("rel", rel).put("type", type);
        if (title != null) {
            l.put("title", title);
        }
        return l;
    }

    @GetMapping(value = {"", "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public String landing() {
        ObjectNode root = json.createObjectNode().put("title", "Clearway – Mine Action Area of Responsibility")
                .put("description", "Field sub-clusters, appeal proposals, contamination, casualties and treaty status, as OGC API – Features.");
        ArrayNode links = root.putArray("links");
        link(links, base(), "self", "application/json", "This document");
        link(links, base() + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)");
        link(links, base() + "/conformance", "conformance", "application/json", "Conformance classes");
        link(links, base() + "/collections", "data", "application/json", "Collections");
        return root.toString();
    }

    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    /** The API definition the landing page links to (Core: /req/core/root-success), generated from the collections served. */
    @GetMapping(value = "/api", produces = {OPENAPI, MediaType.APPLICATION_JSON_VALUE})
    public String api() {
        ObjectNode root = json.createObjectNode().put("openapi", "3.0.3");
        root.putObject("info").put("title", "Clearway OGC API – Features").put("version", "1.0")
                .put("description", "Read-only. Anonymous callers see published data; HTTP Basic gives the caller's scope.");
        root.putArray("servers").addObject().put("url", base());
        root.putObject("components").putObject("securitySchemes").putObject("basic").put("type", "http").put("scheme", "basic");
        ArrayNode security = root.putArray("security");
        security.addObject().putArray("basic");
        security.addObject(); // or anonymous
        ObjectNode paths = root.putObject("paths");
        operation(paths, "/", "landing", "Landing page", "application/json");
        operation(paths, "/conformance", "conformance", "Conformance classes", "application/json");
        operation(paths, "/collections", "collections", "The collections", "application/json");
        for (OgcCollection c : OgcCollection.ALL) {
            operation(paths, "/collections/" + c.id(), "describe-" + c.id(), c.title(), "application/json");
            ObjectNode items = operation(paths, "/collections/" + c.id() + "/items", "items-" + c.id(), c.title() + ": features",
                    "application/geo+json");
            ArrayNode parameters = items.putArray("parameters");
            ObjectNode limit = parameter(parameters, "limit", "integer", "At most this many features");
            ((ObjectNode) limit.get("schema")).put("minimum", 1).put("maximum", MAX_LIMIT).put("default", DEFAULT_LIMIT);
            limit.put("style", "form").put("explode", false);
            parameter(parameters, "offset", "integer", "Features to skip (the next and prev links carry it)");
            ObjectNode bbox = parameter(parameters, "bbox", "array", "Only features meeting this box: min lon, min lat, max lon, max lat (CRS84)");
            ((ObjectNode) bbox.get("schema")).put("minItems", 4).put("maxItems", 6).putObject("items").put("type", "number");
            bbox.put("style", "form").put("explode", false);
            if (c.temporal() != null) {
                parameter(parameters, "datetime", "string", "A date or an interval (RFC 3339, '..' for open ends) on "
                        + c.temporal().substring(c.temporal().indexOf('.') + 1));
            }
            ObjectNode one = operation(paths, "/collections/" + c.id() + "/items/{featureId}", "item-" + c.id(), c.title() + ": one feature",
                    "application/geo+json");
            parameter(one.putArray("parameters"), "featureId", "string", "The feature's id").put("in", "path").put("required", true);
        }
        return root.toString();
    }

    private ObjectNode operation(ObjectNode paths, String path, String id, String summary, String mediaType) {
        ObjectNode get = paths.putObject(path).putObject("get").put("operationId", id).put("summary", summary);
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "OK").putObject("content").putObject(mediaType).putObject("schema").put("type", "object");
        responses.putObject("400").put("description", "A parameter is invalid: the reason in the body");
        responses.putObject("404").put("description", "No such collection or feature");
        return get;
    }

    private static ObjectNode parameter(ArrayNode parameters, String name, String type, String description) {
        ObjectNode p = parameters.addObject().put("name", name).put("in", "query").put("required", false).put("description", description);
        p.putObject("schema").put("type", type);
        return p;
    }

    @GetMapping(value = "/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    public String conformance() {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("conformsTo");
        CONFORMANCE.forEach(list::add);
        return root.toString();
    }

    @GetMapping(value = "/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    public String collections() {
        ObjectNode root = json.createObjectNode();
        ArrayNode links = root.putArray("links");
        link(links, base() + "/collections", "self", "application/json", null);
        ArrayNode list = root.putArray("collections");
        OgcCollection.ALL.forEach(c -> describe(list.addObject(), c));
        return root.toString();
    }

    @GetMapping(value = "/collections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String collection(@PathVariable String id) {
        ObjectNode root = json.createObjectNode();
        describe(root, collectionOf(id));
        return root.toString();
    }

    private void describe(ObjectNode node, OgcCollection c) {
        node.put("id", c.id()).put("title", c.title()).put("description", c.description()).put("itemType", "feature");
        ObjectNode extent = node.putObject("extent");
        ArrayNode bbox = extent.putObject("spatial").put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84").putArray("bbox").addArray();
        bbox.add(-180).add(-90).add(180).add(90);
        node.putArray("crs").add("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        ArrayNode links = node.putArray("links");
        link(links, base() + "/collections/" + c.id(), "self", "application/json", c.title());
        link(links, base() + "/collections/" + c.id() + "/items", "items", GEO_JSON.toString(), c.title());
    }

    @Transactional(readOnly = true)
    @GetMapping(value = "/collections/{id}/items", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> items(@PathVariable String id, @RequestParam(required = false) String limit,
                                        @RequestParam(required = false) String offset, @RequestParam(required = false) String bbox,
                                        @RequestParam(required = false) String datetime, HttpServletRequest request) {
        OgcCollection c = collectionOf(id);
        int lim = integer(limit, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE);
        lim = Math.min(lim, MAX_LIMIT);
        int off = integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
        double[] box = bbox(bbox);
        LocalDate[] period = datetime(datetime, c);
        UserScope scope = currentUser.find().orElse(null);

        List<String> where = new ArrayList<>();
        List<Object> binds = new ArrayList<>();
        if (box != null) {
            where.add("f.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(f.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            for (int i = 0; i < 2; i++) {
                for (double v : box) {
                    binds.add(v);
                }
            }
        }
        if (period != null) {
            String column = "f." + c.temporal().substring(c.temporal().indexOf('.') + 1);
            if (period[0] != null) {
                where.add(column + " >= ?");
                binds.add(period[0]);
            }
            if (period[1] != null) {
                where.add(column + " <= ?");
                binds.add(period[1]);
            }
        }
        String filter = where.isEmpty() ? "true" : String.join(" AND ", where);
        String inner = "SELECT * FROM (" + c.sql(scope) + ") f WHERE " + filter;
        long matched = db.fetchOne("SELECT count(*) FROM (" + inner + ") x", binds.toArray()).get(0, Long.class);
        List<Object> pageBinds = new ArrayList<>(binds);
        pageBinds.add(lim);
        pageBinds.add(off);
        String features = db.fetchOne("""
                SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'id', sel.id, 'geometry', ST_AsGeoJSON(sel.geom, 7)::json,
                                'properties', to_jsonb(sel) - 'geom' - 'id') ORDER BY sel.id), '[]'::json)::text
                FROM (""" + inner + " ORDER BY f.id LIMIT ? OFFSET ?) sel", pageBinds.toArray()).get(0, String.class);
        int returned = (int) Math.max(0, Math.min(lim, matched - off));

        String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        StringBuilder body = new StringBuilder(features.length() + 600);
        body.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(matched).append(",\"numberReturned\":").append(returned)
                .append(",\"timeStamp\":\"").append(java.time.OffsetDateTime.now().withNano(0)).append("\",\"links\":[");
        body.append(linkJson(self, "self", "application/geo+json"));
        if (off + lim < matched) {
            body.append(',').append(linkJson(page(lim, off + lim), "next", "application/geo+json"));
        }
        if (off > 0) {
            body.append(',').append(linkJson(page(lim, Math.max(0, off - lim)), "prev", "application/geo+json"));
        }
        body.append(',').append(linkJson(base() + "/collections/" + c.id(), "collection", "application/json"));
        body.append("],\"features\":").append(features).append('}');
        return ResponseEntity.ok().contentType(GEO_JSON).body(body.toString());
    }

    @Transactional(readOnly = true)
    @GetMapping(value = "/collections/{id}/items/{featureId}", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    public ResponseEntity<String> item(@PathVariable String id, @PathVariable String featureId) {
        OgcCollection c = collectionOf(id);
        UserScope scope = currentUser.find().orElse(null);
        var r = db.fetchOne("""
                SELECT json_build_object('type', 'Feature', 'id', sel.id, 'geometry', ST_AsGeoJSON(sel.geom, 7)::json,
                       'properties', to_jsonb(sel) - 'geom' - 'id')::text
                FROM (SELECT * FROM (""" + c.sql(scope) + ") f WHERE f.id::text = ?) sel", featureId);
        if (r == null) {
            throw new OgcNotFound("error.ogc.feature", featureId);
        }
        String feature = r.get(0, String.class);
        String self = base() + "/collections/" + c.id() + "/items/" + featureId;
        String links = ",\"links\":[" + linkJson(self, "self", "application/geo+json") + ","
                + linkJson(base() + "/collections/" + c.id(), "collection", "application/json") + "]}";
        return ResponseEntity.ok().contentType(GEO_JSON).body(feature.substring(0, feature.length() - 1) + links);
    }

    private String page(int limit, int offset) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset).replaceQueryParam("limit", limit)
                .build().toUriString();
    }

    private String linkJson(String href, String rel, String type) {
        return json.createObjectNode().put("href", href).put("rel", rel).put("type", type).toString();
    }

    private static OgcCollection collectionOf(String id) {
        OgcCollection c = OgcCollection.find(id);
        if (c == null) {
            throw new OgcNotFound("error.ogc.collection", id);
        }
        return c;
    }

    private static int integer(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw new ClearwayException("error.ogc.integer", name, value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ClearwayException("error.ogc.integer", name, value);
        }
    }

    static double[] bbox(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length == 6) { // min lon, min lat, min height, max lon, max lat, max height: the data is 2D, heights are not used
            parts = new String[] {parts[0], parts[1], parts[3], parts[4]};
        }
        if (parts.length != 4) {
            throw new ClearwayException("error.ogc.bbox", value);
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new ClearwayException("error.ogc.bbox", value);
        }
        if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] > b[2] || b[1] > b[3]) {
            throw new ClearwayException("error.ogc.bbox", value);
        }
        return b;
    }

    /** RFC 3339 date/date-time, or an interval with {@code ..} (or nothing) for an open end; compared by date. */
    static LocalDate[] datetime(String value, OgcCollection c) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (c.temporal() == null) {
            return null; // the collection has no time: the parameter is ignored, as the standard allows
        }
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            throw new ClearwayException("error.ogc.datetime", value);
        }
        LocalDate start = date(parts[0], value);
        LocalDate end = parts.length == 2 ? date(parts[1], value) : start;
        if (start != null && end != null && end.isBefore(start)) {
            throw new ClearwayException("error.ogc.datetime", value);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String part, String whole) {
        String p = part.strip();
        if (p.isEmpty() || p.equals("..")) {
            return null;
        }
        try {
            return LocalDate.parse(p.length() >= 10 ? p.substring(0, 10) : p);
        } catch (DateTimeParseException e) {
            throw new ClearwayException("error.ogc.datetime", whole);
        }
    }

    /** A collection or feature that does not exist (404). */
    static class OgcNotFound extends ClearwayException {
        private static final long serialVersionUID = 1L;

        OgcNotFound(String key, Object... args) {
            super(key, args);
        }
    }

    @ExceptionHandler(ClearwayException.class)
    public ResponseEntity<Map<String, String>> refused(ClearwayException e, Locale locale) {
        HttpStatus status = e instanceof OgcNotFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", status == HttpStatus.NOT_FOUND ? "NotFound" : "InvalidParameterValue",
                        "description", Messages.get(locale, e)));
    }
}
