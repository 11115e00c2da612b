package org.clearway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.clearway.common.ClearwayException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A zipped ESRI Shapefile (.shp, .dbf, .prj, .cpg), read by hand: no maintained Java reader is on Maven Central
 * without GeoTools. Points and polygons (with their Z/M variants, z and m dropped); other shape types give rows
 * without geometry, which validation rejects with the reason. The CRS comes from the .prj: its EPSG authority,
 * or the few ESRI names the field uses (WGS 84, UTM zones, Web Mercator); otherwise EPSG:4326 with a warning.
 */
final class Shapefile {

    static final long MAX_UNZIPPED = 1024L * 1024 * 1024;
    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
    private static final Pattern UTM = Pattern.compile("WGS_1984_UTM_Zone_(\\d{1,2})([NS])");

    private Shapefile() {
    }

    static FeatureFiles.Header read(Path zip, IntFunction<BiConsumer<Geometry, String>> sinkForSrid) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry shp = z.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".shp") && !e.getName().startsWith("__MACOSX"))
                    .findFirst().orElseThrow(() -> new ClearwayException("error.import.shapefile-missing", ".shp"));
            String base = shp.getName().substring(0, shp.getName().length() - 4);
            ZipEntry dbf = entry(z, base, ".dbf");
            if (dbf == null) {
                throw new ClearwayException("error.import.shapefile-missing", ".dbf");
            }
            if (shp.getSize() > MAX_UNZIPPED || dbf.getSize() > MAX_UNZIPPED) {
                throw new ClearwayException("error.import.too-large", String.valueOf(MAX_UNZIPPED / 1024 / 1024));
            }
            List<String> warnings = new ArrayList<>();
            ZipEntry prj = entry(z, base, ".prj");
            int srid = prj == null ? 4326 : srid(new String(bytes(z, prj, 1 << 20), StandardCharsets.ISO_8859_1), warnings);
            if (prj == null) {
                warnings.add("import.warning.crs-unknown:.prj");
            }
            ZipEntry cpg = entry(z, base, ".cpg");
            Charset charset = cpg == null ? null : charset(new String(bytes(z, cpg, 1024), StandardCharsets.US_ASCII).strip());
            BiConsumer<Geometry, String> sink = sinkForSrid.apply(srid);
            ByteBuffer shapes = ByteBuffer.wrap(bytes(z, shp, MAX_UNZIPPED));
            Dbf table = new Dbf(ByteBuffer.wrap(bytes(z, dbf, MAX_UNZIPPED)), charset);
            GeometryFactory factory = new GeometryFactory();
            JsonMapper json = JsonMapper.builder().build();
            shapes.position(100);
            int row = 0;
            while (shapes.remaining() >= 8) {
                shapes.order(ByteOrder.BIG_ENDIAN);
                shapes.getInt(); // record number
                int length = shapes.getInt() * 2;
                if (length < 4 || length > shapes.remaining()) {
                    throw new ClearwayException("error.import.shapefile-broken");
                }
                ByteBuffer record = shapes.slice(shapes.position(), length).order(ByteOrder.LITTLE_ENDIAN);
                shapes.position(shapes.position() + length);
                Geometry g = geometry(record, factory);
                ObjectNode attrs = json.createObjectNode();
                table.row(row++).forEach(attrs::put);
                sink.accept(g, attrs.toString());
            }
            if (row == 0) {
                throw new ClearwayException("error.import.empty");
            }
            return new FeatureFiles.Header("SHAPEFILE", srid, table.names, warnings);
        }
    }

    private static ZipEntry entry(ZipFile z, String base, String extension) {
        return z.stream().filter(e -> e.getName().equalsIgnoreCase(base + extension)).findFirst().orElse(null);
    }

    private static byte[] bytes(ZipFile z, ZipEntry e, long max) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            byte[] b = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (b.length > max) {
                throw new ClearwayException("error.import.too-large", String.valueOf(max / 1024 / 1024));
            }
            return b;
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.replace("ANSI ", "windows-").replaceAll("^(\\d{3,4})$", "windows-$1"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static int srid(String wkt, List<String> warnings) {
        Matcher m = AUTHORITY.matcher(wkt.strip());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        Matcher utm = UTM.matcher(wkt);
        if (wkt.startsWith("PROJCS") && utm.find()) {
            return (utm.group(2).equals("N") ? 32600 : 32700) + Integer.parseInt(utm.group(1));
        }
        if (wkt.startsWith("PROJCS") && (wkt.contains("Web_Mercator") || wkt.contains("Pseudo-Mercator") || wkt.contains("Pseudo_Mercator"))) {
            return 3857;
        }
        if (wkt.startsWith("GEOGCS") && (wkt.contains("WGS_1984") || wkt.contains("WGS 84"))) {
            return 4326;
        }
        warnings.add("import.warning.crs-unknown:" + (wkt.length() > 60 ? wkt.substring(0, 60) + "…" : wkt));
        return 4326;
    }

    private static Geometry geometry(ByteBuffer r, GeometryFactory f) {
        int type = r.getInt(0);
        try {
            switch (type) {
                case 1, 11, 21 -> {
                    return f.createPoint(new Coordinate(r.getDouble(4), r.getDouble(12)));
                }
                case 5, 15, 25 -> {
                    int parts = r.getInt(36);
                    int points = r.getInt(40);
                    if (parts <= 0 || points <= 0 || 44L + 4L * parts + 16L * points > r.limit()) {
                        return null; // counts that do not fit the record: a damaged shape, rejected with the reason
                    }
                    int[] starts = new int[parts + 1];
                    for (int i = 0; i < parts; i++) {
                        starts[i] = r.getInt(44 + 4 * i);
                    }
                    starts[parts] = points;
                    int at = 44 + 4 * parts;
                    List<LinearRing> shells = new ArrayList<>();
                    List<LinearRing> holes = new ArrayList<>();
                    for (int p = 0; p < parts; p++) {
                        Coordinate[] c = new Coordinate[starts[p + 1] - starts[p]];
                        for (int i = 0; i < c.length; i++) {
                            int o = at + 16 * (starts[p] + i);
                            c[i] = new Coordinate(r.getDouble(o), r.getDouble(o + 8));
                        }
                        if (c.length < 4) {
                            continue;
                        }
                        LinearRing ring = f.createLinearRing(c);
                        (Orientation.isCCW(c) ? holes : shells).add(ring); // shapefile outer rings are clockwise
                    }
                    List<Polygon> polygons = new ArrayList<>();
                    List<List<LinearRing>> holesOf = new ArrayList<>();
                    for (LinearRing s : shells) {
                        holesOf.add(new ArrayList<>());
                    }
                    for (LinearRing h : holes) {
                        int owner = -1;
                        for (int i = 0; i < shells.size() && owner < 0; i++) {
                            if (f.createPolygon(shells.get(i)).contains(f.createPoint(h.getCoordinateN(0)))) {
                                owner = i;
                            }
                        }
                        if (owner >= 0) {
                            holesOf.get(owner).add(h);
                        } else {
                            polygons.add(f.createPolygon(h)); // a counter-clockwise outer ring, as some writers produce
                        }
                    }
                    for (int i = 0; i < shells.size(); i++) {
                        polygons.add(f.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new)));
                    }
                    return polygons.isEmpty() ? null : f.createMultiPolygon(polygons.toArray(Polygon[]::new));
                }
                default -> {
                    return null; // null shapes, lines, multipoints: rejected at validation with the reason
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The attribute table (dBASE III): fixed-width text fields. */
    private static final class Dbf {
        final List<String> names = new ArrayList<>();
        final List<Integer> widths = new ArrayList<>();
        final ByteBuffer data;
        final int records;
        final int headerLength;
        final int recordLength;
        final Charset charset;

        Dbf(ByteBuffer b, Charset charset) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            if (b.limit() < 32) {
                throw new ClearwayException("error.import.shapefile-broken");
            }
            records = b.getInt(4);
            headerLength = Short.toUnsignedInt(b.getShort(8));
            recordLength = Short.toUnsignedInt(b.getShort(10));
            for (int o = 32; o + 32 <= headerLength && b.get(o) != 0x0D; o += 32) {
                byte[] name = new byte[11];
                b.get(o, name);
                int end = 0;
                while (end < 11 && name[end] != 0) {
                    end++;
                }
                names.add(new String(name, 0, end, StandardCharsets.ISO_8859_1).strip());
                widths.add(Byte.toUnsignedInt(b.get(o + 16)));
            }
            this.data = b;
            this.charset = charset;
        }

        java.util.Map<String, String> row(int i) {
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            int o = headerLength + i * recordLength;
            if (i >= records || o + recordLength > data.limit()) {
                return values;
            }
            int at = o + 1; // deletion flag
            for (int f = 0; f < names.size(); f++) {
                byte[] raw = new byte[widths.get(f)];
                data.get(at, raw);
                at += raw.length;
                String v = decode(raw).strip();
                if (!v.isEmpty()) {
                    values.put(names.get(f), v);
                }
            }
            return values;
        }

        private String decode(byte[] raw) {
            if (charset != null) {
                return new String(raw, charset);
            }
            try { // no .cpg: UTF-8 if it is valid, else Latin-1
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return new String(raw, StandardCharsets.ISO_8859_1);
            }
        }
    }
}
