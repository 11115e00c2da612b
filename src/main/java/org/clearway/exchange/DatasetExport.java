package org.clearway.exchange;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.clearway.common.ClearwayException;
import org.clearway.common.CsvWriter;
import org.clearway.common.XlsxWriter;
import org.clearway.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The geographic datasets (the OGC API's collections, with the same scope rules) as files: CSV with an HXL row
 * (geometry as WKT plus a representative lat/lon), XLSX (lat/lon only: a spreadsheet cell cannot hold a polygon),
 * GeoJSON and GeoPackage (NGA's library). Optionally one country.
 */
@Service
public class DatasetExport {

    public static final int MAX_ROWS = 250_000;

    public enum Format {
        CSV("csv", "text/csv"), XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        GEOJSON("geojson", "application/geo+json"), GPKG("gpkg", "application/geopackage+sqlite3");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    public record Dataset(String id, String title) implements Serializable {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;

    public DatasetExport(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    public List<Dataset> datasets() {
        return OgcCollection.ALL.stream().map(c -> new Dataset(c.id(), c.title())).toList();
    }

    public String fileName(String dataset, String iso3, Format format) {
        return "clearway-" + dataset + (iso3 == null ? "" : "-" + iso3.toLowerCase(java.util.Locale.ROOT)) + "." + format.extension();
    }

    /** The export as bytes; {@code label} translates the header row's column names ({@code export.col.<name>}). */
    @Transactional(readOnly = true)
    public byte[] export(String dataset, String iso3, Format format, Function<String, String> label) {
        OgcCollection c = OgcCollection.find(dataset);
        if (c == null) {
            throw new ClearwayException("error.ogc.collection", dataset);
        }
        if (iso3 != null && !iso3.matches("^[A-Z]{3}$")) {
            throw new ClearwayException("error.export.country", iso3);
        }
        String from = "(" + c.sql(currentUser.find().orElse(null)) + ") f WHERE (?::text IS NULL OR f.iso3 = ?)";
        long count = db.fetchOne("SELECT count(*) FROM " + from, iso3, iso3).get(0, Long.class);
        if (count > MAX_ROWS) {
            throw new ClearwayException("error.export.too-many", String.valueOf(count), String.valueOf(MAX_ROWS));
        }
        if (format == Format.GEOJSON) {
            return db.fetchOne("""
                    SELECT json_build_object('type', 'FeatureCollection', 'name', ?::text, 'features', coalesce(json_agg(json_build_object(
                           'type', 'Feature', 'id', f.id, 'geometry', ST_AsGeoJSON(f.geom, 7)::json,
                           'properties', to_jsonb(f) - 'geom') ORDER BY f.id), '[]'::json))::text
                    FROM """ + from, dataset, iso3, iso3).get(0, String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        Table rows = table("""
                SELECT f.*, ST_AsBinary(f.geom) AS cw_wkb, ST_AsText(f.geom, 7) AS cw_wkt,
                       ST_Y(ST_PointOnSurface(f.geom)) AS cw_lat, ST_X(ST_PointOnSurface(f.geom)) AS cw_lon
                FROM """ + from + " ORDER BY f.id", iso3);
        List<Column> columns = rows.columns().stream().filter(col -> !col.name().equals("geom") && !col.name().startsWith("cw_")).toList();
        return switch (format) {
            case CSV -> csv(rows, columns, c, label);
            case XLSX -> xlsx(rows, columns, c, label);
            case GPKG -> gpkg(rows, columns, c);
            case GEOJSON -> throw new IllegalStateException();
        };
    }

    /** A column of the export and its Java type. */
    record Column(int index, String name, Class<?> type) {
    }

    /** Rows read over plain JDBC: the geometry column stays in the database (as WKB/WKT columns instead). */
    record Table(List<Column> columns, List<Object[]> rows) {
        Object get(Object[] row, String name) {
            return row[columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().index()];
        }
    }

    private Table table(String sql, String iso3) {
        return db.connectionResult(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, iso3);
                ps.setString(2, iso3);
                ps.setFetchSize(2000);
                try (var rs = ps.executeQuery()) {
                    var meta = rs.getMetaData();
                    List<Column> cols = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Class<?> type = switch (meta.getColumnType(i)) {
                            case java.sql.Types.BIT, java.sql.Types.BOOLEAN -> Boolean.class;
                            case java.sql.Types.SMALLINT, java.sql.Types.INTEGER, java.sql.Types.BIGINT -> Long.class;
                            case java.sql.Types.NUMERIC, java.sql.Types.DECIMAL, java.sql.Types.DOUBLE, java.sql.Types.REAL -> BigDecimal.class;
                            case java.sql.Types.DATE -> LocalDate.class;
                            case java.sql.Types.BINARY, java.sql.Types.VARBINARY -> byte[].class;
                            default -> String.class;
                        };
                        cols.add(new Column(i - 1, meta.getColumnLabel(i), type));
                    }
                    List<Object[]> out = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (Column col : cols) {
                            if (col.name().equals("geom")) {
                                continue;
                            }
                            Object v = rs.getObject(col.index() + 1);
                            row[col.index()] = switch (v) {
                                case null -> null;
                                case java.sql.Date d -> d.toLocalDate();
                                case Boolean b -> b;
                                case Number n when col.type() == Long.class -> n.longValue();
                                case Number n when col.type() == BigDecimal.class -> new BigDecimal(n.toString());
                                case byte[] b -> b;
                                default -> v.toString();
                            };
                        }
                        out.add(row);
                    }
                    return new Table(cols, out);
                }
            }
        });
    }

    private static List<String> header(List<Column> columns, OgcCollection c, boolean wkt) {
        List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
        names.add("lat");
        names.add("lon");
        if (wkt && !c.points()) {
            names.add("wkt");
        }
        return names;
    }

    private static List<Object> cells(Table t, Object[] r, List<Column> columns, OgcCollection c, boolean wkt) {
        List<Object> cells = new ArrayList<>();
        columns.forEach(f -> cells.add(r[f.index()]));
        cells.add(t.get(r, "cw_lat"));
        cells.add(t.get(r, "cw_lon"));
        if (wkt && !c.points()) {
            cells.add(t.get(r, "cw_wkt"));
        }
        return cells;
    }

    private static byte[] csv(Table rows, List<Column> columns, OgcCollection c, Function<String, String> label) {
        List<String> names = header(columns, c, true);
        CsvWriter csv = new CsvWriter().row(names.stream().map(n -> label.apply("export.col." + n)).toList())
                .row(names.stream().map(Hxl::tag).toList());
        rows.rows().forEach(r -> csv.row(cells(rows, r, columns, c, true)));
        return csv.bytes();
    }

    private static byte[] xlsx(Table rows, List<Column> columns, OgcCollection c, Function<String, String> label) {
        List<String> names = header(columns, c, false);
        try (XlsxWriter x = new XlsxWriter(c.id())) {
            x.header(names.stream().map(n -> label.apply("export.col." + n)).toList()).header(names.stream().map(Hxl::tag).toList());
            rows.rows().forEach(r -> x.row(cells(rows, r, columns, c, false)));
            return x.bytes();
        }
    }

    private static byte[] gpkg(Table rows, List<Column> columns, OgcCollection c) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("clearway-gpkg");
            java.io.File file = dir.resolve(c.id() + ".gpkg").toFile();
            GeoPackageManager.create(file);
            GeoPackage gp = GeoPackageManager.open(file);
            try {
                String table = c.id().replace('-', '_');
                SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
                gp.createGeometryColumnsTable();
                GeometryColumns gc = new GeometryColumns();
                gc.setId(new TableColumnKey(table, "geom"));
                gc.setGeometryType(c.points() ? GeometryType.POINT : GeometryType.MULTIPOLYGON);
                gc.setZ((byte) 0);
                gc.setM((byte) 0);
                gc.setSrs(srs);
                List<FeatureColumn> fcs = new ArrayList<>();
                for (Column f : columns) {
                    if (!f.name().equals("id")) {
                        fcs.add(FeatureColumn.createColumn(f.name(), type(f.type())));
                    }
                }
                fcs.add(FeatureColumn.createColumn("source_id", GeoPackageDataType.TEXT));
                gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", fcs, new BoundingBox(-180, -90, 180, 90)));
                FeatureDao dao = gp.getFeatureDao(table);
                gp.beginTransaction();
                for (Object[] r : rows.rows()) {
                    FeatureRow row = dao.newRow();
                    row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(), GeometryReader.readGeometry((byte[]) rows.get(r, "cw_wkb"))));
                    for (Column f : columns) {
                        if (!f.name().equals("id")) {
                            row.setValue(f.name(), value(r[f.index()]));
                        }
                    }
                    row.setValue("source_id", String.valueOf(rows.get(r, "id")));
                    dao.create(row);
                }
                gp.endTransaction();
            } finally {
                gp.close();
            }
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary file left behind is removed by the OS
                }
            }
        }
    }

    private static GeoPackageDataType type(Class<?> t) {
        if (Boolean.class.equals(t)) {
            return GeoPackageDataType.BOOLEAN;
        }
        if (Integer.class.equals(t) || Long.class.equals(t) || Short.class.equals(t)) {
            return GeoPackageDataType.INTEGER;
        }
        if (BigDecimal.class.equals(t) || Double.class.equals(t) || Float.class.equals(t)) {
            return GeoPackageDataType.DOUBLE;
        }
        if (LocalDate.class.equals(t)) {
            return GeoPackageDataType.DATE;
        }
        return GeoPackageDataType.TEXT;
    }

    private static Object value(Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.doubleValue();
            case Short s -> s.longValue();
            case Integer i -> i.longValue();
            case LocalDate d -> d.toString();
            case Boolean b -> b;
            case Number n -> n;
            default -> v.toString();
        };
    }
}
