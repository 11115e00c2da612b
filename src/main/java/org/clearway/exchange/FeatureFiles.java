package org.clearway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureDao;
import org.clearway.common.ClearwayException;
import org.clearway.common.Csv;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the formats the field exchanges, feature by feature, without holding the file in memory:
 * GeoJSON (streamed; RFC 7946 lon/lat, or a legacy {@code crs} member), GeoPackage (the first feature table and
 * its SRS through NGA's library, the rows through the file's JDBC connection), CSV (lat/lon columns, a WKT
 * column, or a P-code column joined to admin areas later).
 * Each feature goes to {@code sink} as (geometry or null, attributes as a JSON object).
 */
final class FeatureFiles {

    /** What a file held besides its features. */
    record Header(String format, int srid, List<String> attributes, List<String> warnings) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeatureFiles.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(); // features are read one by one
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(\\d{4,6})|/EPSG/0/(\\d{4,6})|CRS84", Pattern.CASE_INSENSITIVE);

    private FeatureFiles() {
    }

    static String formatOf(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        if (f.endsWith(".geojson") || f.endsWith(".json")) {
            return "GEOJSON";
        }
        if (f.endsWith(".gpkg")) {
            return "GPKG";
        }
        if (f.endsWith(".csv")) {
            return "CSV";
        }
        if (f.endsWith(".zip")) {
            return "SHAPEFILE";
        }
        if (f.endsWith(".shp")) {
            throw new ClearwayException("error.import.shapefile");
        }
        throw new ClearwayException("error.import.format", fileName);
    }

    /** Reads a file; the SRID is known only after the header was read, so the sink receives it first through {@code srid}. */
    static Header read(String format, Path file, java.util.function.IntFunction<BiConsumer<Geometry, String>> sinkForSrid) {
        try {
            if (Files.size(file) == 0) {
                throw new ClearwayException("error.import.empty");
            }
            return switch (format) {
                case "GEOJSON" -> geoJson(file, sinkForSrid);
                case "GPKG" -> geoPackage(file, sinkForSrid);
                case "CSV" -> csv(file, sinkForSrid);
                case "SHAPEFILE" -> shapefile(file, sinkForSrid);
                default -> throw new ClearwayException("error.import.format", format);
            };
        } catch (IOException e) {
            throw new ClearwayException("error.import.unreadable");
        } catch (ClearwayException | StagingWriter.Failure e) {
            throw e;
        } catch (RuntimeException e) {
            // a reader tripped over a damaged file (a truncated header, a field longer than its record, a broken table):
            // the user gets a reason, the log the details; the caller's transaction rolls back what was staged
            LOG.info("{} file could not be read: {}", format, e.toString());
            ClearwayException refused = new ClearwayException("error.import.damaged");
            refused.initCause(e);
            throw refused;
        }
    }

    // ------------------------------------------------------------------------------------------------ GeoJSON

    private static Header geoJson(Path file, java.util.function.IntFunction<BiConsumer<Geometry, String>> sinkForSrid) throws IOException {
        Set<String> attributes = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        GeometryFactory factory = new GeometryFactory();
        int srid = 4326;
        BiConsumer<Geometry, String> sink = null;
        int features = 0;
        boolean single = false; // a file holding one Feature rather than a FeatureCollection
        JsonNode singleGeometry = null;
        JsonNode singleProperties = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ClearwayException("error.import.geojson-shape");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("crs")) {
                    JsonNode crs = JSON.readTree(p);
                    srid = srid(crs.path("properties").path("name").asString(""), warnings);
                } else if (name.equals("type")) {
                    String type = p.getString();
                    if (!"FeatureCollection".equals(type) && !"Feature".equals(type)) {
                        throw new ClearwayException("error.import.geojson-shape");
                    }
                    single = "Feature".equals(type);
                } else if (name.equals("geometry")) {
                    singleGeometry = JSON.readTree(p);
                } else if (name.equals("properties")) {
                    singleProperties = JSON.readTree(p);
                } else if (name.equals("features")) {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw new ClearwayException("error.import.geojson-shape");
                    }
                    if (sink == null) {
                        sink = sinkForSrid.apply(srid);
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = JSON.readTree(p);
                        features++;
                        feature(f, factory, attributes, sink);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (single && features == 0) {
                ObjectNode f = JSON.createObjectNode();
                f.set("geometry", singleGeometry);
                f.set("properties", singleProperties);
                features++;
                feature(f, factory, attributes, sinkForSrid.apply(srid));
            }
        } catch (JacksonException e) {
            ClearwayException refused = new ClearwayException("error.import.json",
                    String.valueOf(e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
            refused.initCause(e);
            throw refused;
        }
        if (features == 0) {
            throw new ClearwayException("error.import.empty");
        }
        return new Header("GEOJSON", srid, List.copyOf(attributes), warnings);
    }

    private static void feature(JsonNode f, GeometryFactory factory, Set<String> attributes, BiConsumer<Geometry, String> sink) {
        Geometry g = null;
        JsonNode geometry = f.path("geometry");
        if (geometry.isObject()) {
            try {
                g = geometry(geometry, factory);
            } catch (RuntimeException e) {
                g = null; // rejected at validation: "no readable geometry"
            }
        }
        JsonNode props = f.path("properties");
        ObjectNode attrs = props.isObject() ? (ObjectNode) props : JSON.createObjectNode();
        attrs.propertyNames().forEach(attributes::add);
        sink.accept(g, attrs.toString());
    }

    /** A GeoJSON geometry straight from the parsed tree (no second parse of its text); z kept for the 3D warning. */
    static Geometry geometry(JsonNode g, GeometryFactory f) {
        JsonNode c = g.path("coordinates");
        return switch (g.path("type").asString("")) {
            case "Point" -> f.createPoint(coordinate(c));
            case "MultiPoint" -> f.createMultiPointFromCoords(coordinates(c));
            case "LineString" -> f.createLineString(coordinates(c));
            case "MultiLineString" -> {
                org.locationtech.jts.geom.LineString[] lines = new org.locationtech.jts.geom.LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = f.createLineString(coordinates(c.get(i)));
                }
                yield f.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c, f);
            case "MultiPolygon" -> {
                org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), f);
                }
                yield f.createMultiPolygon(polygons);
            }
            case "GeometryCollection" -> {
                JsonNode parts = g.path("geometries");
                Geometry[] geometries = new Geometry[parts.size()];
                for (int i = 0; i < geometries.length; i++) {
                    geometries[i] = geometry(parts.get(i), f);
                }
                yield f.createGeometryCollection(geometries);
            }
            default -> throw new IllegalArgumentException("not a GeoJSON geometry type");
        };
    }

    private static org.locationtech.jts.geom.Polygon polygon(JsonNode rings, GeometryFactory f) {
        org.locationtech.jts.geom.LinearRing shell = f.createLinearRing(coordinates(rings.get(0)));
        org.locationtech.jts.geom.LinearRing[] holes = new org.locationtech.jts.geom.LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = f.createLinearRing(coordinates(rings.get(i)));
        }
        return f.createPolygon(shell, holes);
    }

    private static Coordinate[] coordinates(JsonNode array) {
        Coordinate[] out = new Coordinate[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coordinate(array.get(i));
        }
        return out;
    }

    private static Coordinate coordinate(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("not a position");
        }
        return p.size() > 2 && p.get(2).isNumber() ? new Coordinate(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble())
                : new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    /** EPSG code from a CRS name (EPSG:3857, urn:ogc:def:crs:EPSG::32636, .../EPSG/0/4326, CRS84). */
    static int srid(String name, List<String> warnings) {
        Matcher m = EPSG.matcher(name);
        if (m.find()) {
            if (m.group(1) != null) {
                return Integer.parseInt(m.group(1));
            }
            if (m.group(2) != null) {
                return Integer.parseInt(m.group(2));
            }
            return 4326;
        }
        warnings.add("import.warning.crs-unknown:" + name);
        return 4326;
    }

    // ------------------------------------------------------------------------------------------------ GeoPackage

    private static Header geoPackage(Path file, java.util.function.IntFunction<BiConsumer<Geometry, String>> sinkForSrid) {
        GeoPackage gp;
        try {
            gp = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new ClearwayException("error.import.gpkg");
        }
        try {
            List<String> tables = gp.getFeatureTables();
            if (tables.isEmpty()) {
                throw new ClearwayException("error.import.empty");
            }
            List<String> warnings = new ArrayList<>();
            if (tables.size() > 1) {
                warnings.add("import.warning.first-table:" + tables.get(0));
            }
            FeatureDao dao = gp.getFeatureDao(tables.get(0));
            var srs = dao.getSrs();
            int srid = srs == null || srs.getOrganizationCoordsysId() <= 0 ? 4326 : (int) srs.getOrganizationCoordsysId();
            if (srs == null || srs.getOrganizationCoordsysId() <= 0) {
                warnings.add("import.warning.crs-unknown:" + (srs == null ? "" : srs.getSrsName()));
            }
            BiConsumer<Geometry, String> sink = sinkForSrid.apply(srid);
            List<String> attributes = new ArrayList<>();
            String geometryColumn = dao.getGeometryColumnName();
            for (String c : dao.getColumnNames()) {
                if (!c.equals(geometryColumn) && !c.equals(dao.getPkColumnName())) {
                    attributes.add(c);
                }
            }
            // the rows straight through JDBC (NGA's library for the metadata above): its per-row objects decoded each
            // geometry into a model of its own and encoded it again, twice the work of reading it here (bench: 1.1 s -> 0.6 s)
            GeoPackageDataType[] types = attributes.stream().map(c -> dao.getTable().getColumn(c).getDataType())
                    .toArray(GeoPackageDataType[]::new);
            StringBuilder select = new StringBuilder("SELECT ").append(quoted(geometryColumn));
            attributes.forEach(c -> select.append(", ").append(quoted(c)));
            select.append(" FROM ").append(quoted(tables.get(0)));
            WKBReader wkb = new WKBReader();
            int count = 0;
            try (Statement statement = gp.getConnection().getConnection().createStatement();
                 ResultSet rs = statement.executeQuery(select.toString())) {
                while (rs.next()) {
                    count++;
                    Geometry g = geometry(wkb, rs.getBytes(1));
                    ObjectNode attrs = JSON.createObjectNode();
                    for (int i = 0; i < attributes.size(); i++) {
                        String value = value(rs.getObject(i + 2), types[i]);
                        if (value != null) {
                            attrs.put(attributes.get(i), value);
                        }
                    }
                    sink.accept(g, attrs.toString());
                }
            } catch (SQLException e) {
                throw new ClearwayException("error.import.gpkg");
            }
            if (count == 0) {
                throw new ClearwayException("error.import.empty");
            }
            return new Header("GPKG", srid, attributes, warnings);
        } finally {
            gp.close();
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A GeoPackage geometry blob: "GP", version, flags (bit 0: byte order of the header, bits 1-3: envelope size, bit 4:
     * empty), the SRS id, the envelope, then standard WKB. Null when absent, empty or unreadable (the row is then
     * reported as having no geometry).
     */
    static Geometry geometry(WKBReader wkb, byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x10) != 0) {
            return null;
        }
        int envelope = switch ((blob[3] >> 1) & 7) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> -1;
        };
        if (envelope < 0 || blob.length <= 8 + envelope) {
            return null;
        }
        try {
            return wkb.read(java.util.Arrays.copyOfRange(blob, 8 + envelope, blob.length));
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** An attribute as text, as NGA's library typed it: dates as yyyy-mm-dd, booleans as true/false; blobs left out. */
    static String value(Object v, GeoPackageDataType type) {
        if (v == null || v instanceof byte[]) {
            return null;
        }
        if (type == GeoPackageDataType.BOOLEAN && v instanceof Number n) {
            return String.valueOf(n.intValue() != 0);
        }
        if ((type == GeoPackageDataType.DATE || type == GeoPackageDataType.DATETIME) && v instanceof String text && text.length() >= 10) {
            return text.substring(0, 10);
        }
        return v.toString();
    }

    private static Header shapefile(Path file, java.util.function.IntFunction<BiConsumer<Geometry, String>> sinkForSrid) throws IOException {
        try {
            return Shapefile.read(file, sinkForSrid);
        } catch (java.util.zip.ZipException e) {
            throw new ClearwayException("error.import.zip");
        }
    }

    // ------------------------------------------------------------------------------------------------ CSV

    private static Header csv(Path file, java.util.function.IntFunction<BiConsumer<Geometry, String>> sinkForSrid) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> rows;
        try {
            rows = Csv.readWithHeader(text);
        } catch (RuntimeException e) {
            throw new ClearwayException("error.import.csv");
        }
        if (rows.isEmpty()) {
            throw new ClearwayException("error.import.empty");
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        List<String> warnings = new ArrayList<>();
        // an HXL hashtag row (as Clearway exports) is skipped
        if (rows.get(0).values().stream().filter(v -> v != null && !v.isBlank()).allMatch(v -> v.startsWith("#"))) {
            rows = rows.subList(1, rows.size());
            warnings.add("import.warning.hxl-row:");
        }
        String lat = find(columns, "lat", "latitude", "y");
        String lon = find(columns, "lon", "lng", "long", "longitude", "x");
        String wkt = find(columns, "wkt", "geometry", "geom", "the_geom");
        if ((lat == null || lon == null) && wkt == null && find(columns, "pcode", "adm1_pcode", "admin1pcode", "p_code") == null) {
            throw new ClearwayException("error.import.csv-location");
        }
        String pcode = find(columns, "pcode", "adm1_pcode", "admin1pcode", "p_code");
        BiConsumer<Geometry, String> sink = sinkForSrid.apply(4326);
        GeometryFactory factory = new GeometryFactory();
        WKTReader wktReader = new WKTReader(factory);
        for (Map<String, String> row : rows) {
            Geometry g = null;
            try {
                if (wkt != null && row.get(wkt) != null && !row.get(wkt).isBlank()) {
                    g = wktReader.read(row.get(wkt));
                } else if (lat != null && lon != null && row.get(lat) != null && row.get(lon) != null) {
                    g = factory.createPoint(new Coordinate(Double.parseDouble(row.get(lon).strip()), Double.parseDouble(row.get(lat).strip())));
                }
            } catch (ParseException | NumberFormatException e) {
                g = null;
            }
            ObjectNode attrs = JSON.createObjectNode();
            row.forEach((k, v) -> {
                if (v != null && !v.isEmpty() && !k.equals(wkt)) {
                    attrs.put(k, v);
                }
            });
            if (pcode != null && row.get(pcode) != null) {
                attrs.put("pcode", row.get(pcode)); // whatever the column's case: validation joins admin areas on "pcode"
            }
            sink.accept(g, attrs.toString());
        }
        return new Header("CSV", 4326, columns.stream().filter(c -> !c.equals(wkt)).toList(), warnings);
    }

    private static String find(List<String> columns, String... names) {
        for (String n : names) {
            for (String c : columns) {
                if (c.strip().equalsIgnoreCase(n)) {
                    return c;
                }
            }
        }
        return null;
    }
}
