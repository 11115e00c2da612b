package org.clearway.appeal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearway.common.ClearwayException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A proposal's own area from a drawn polygon or an uploaded GeoJSON file (geometry, Feature or FeatureCollection
 * of polygons, lon/lat as GeoJSON requires). Checks of validity and place are the service's.
 */
public final class PolygonFile {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private PolygonFile() {
    }

    public static Geometry read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ClearwayException("error.polygon-file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ClearwayException("error.polygon-file.too-large", String.valueOf(MAX_BYTES / 1024 / 1024));
        }
        return read(new String(bytes, StandardCharsets.UTF_8));
    }

    public static Geometry read(String geoJson) {
        Geometry g;
        try {
            g = new GeoJsonReader(FACTORY).read(geoJson);
            g = new WKBReader(FACTORY).read(new WKBWriter(2).write(g)); // 3D or measured input: keep x and y
        } catch (ParseException | RuntimeException e) {
            throw new ClearwayException("error.polygon-file.json");
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                polygons.add(p);
            } else if (part instanceof MultiPolygon m) {
                for (int j = 0; j < m.getNumGeometries(); j++) {
                    polygons.add((Polygon) m.getGeometryN(j));
                }
            } else if (!part.isEmpty()) {
                throw new ClearwayException("error.proposal.polygon-type", part.getGeometryType());
            }
        }
        if (polygons.isEmpty()) {
            throw new ClearwayException("error.polygon-file.no-polygon");
        }
        Geometry result = polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        result.setSRID(4326);
        return result;
    }
}
