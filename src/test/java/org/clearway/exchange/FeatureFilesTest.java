package org.clearway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** GeoPackage geometry blobs read without NGA's per-row objects: written by NGA's library, read back here. */
class FeatureFilesTest {

    private final WKBReader reader = new WKBReader();

    private static byte[] blob(Geometry g, boolean envelope) throws Exception {
        byte[] wkb = new WKBWriter(2, false).write(g);
        GeoPackageGeometryData data = envelope ? GeoPackageGeometryData.createFromWkbAndBuildEnvelope(4326, wkb)
                : GeoPackageGeometryData.createFromWkb(4326, wkb);
        return data.toBytes();
    }

    @Test
    void reads_the_geometry_after_the_header_with_or_without_an_envelope() throws Exception {
        Geometry polygon = new WKTReader().read("POLYGON ((30.5 50.4, 30.6 50.4, 30.6 50.5, 30.5 50.4))");
        byte[] withEnvelope = blob(polygon, true);
        byte[] without = blob(polygon, false);
        assertThat(withEnvelope.length - without.length).as("a 2D envelope is 32 bytes").isEqualTo(32);
        assertThat(FeatureFiles.geometry(reader, withEnvelope).equalsExact(polygon)).isTrue();
        assertThat(FeatureFiles.geometry(reader, without).equalsExact(polygon)).isTrue();
    }

    @Test
    void empty_absent_or_foreign_blobs_give_no_geometry() throws Exception {
        byte[] empty = blob(new WKTReader().read("POINT (1 2)"), false);
        empty[3] |= 0x10; // the header's "empty geometry" flag
        assertThat(FeatureFiles.geometry(reader, empty)).isNull();
        assertThat(FeatureFiles.geometry(reader, null)).isNull();
        assertThat(FeatureFiles.geometry(reader, new byte[] {'G', 'P', 0, 1})).isNull();
        assertThat(FeatureFiles.geometry(reader, "not a geometry at all".getBytes())).isNull();
        byte[] badEnvelope = blob(new WKTReader().read("POINT (1 2)"), false);
        badEnvelope[3] = (byte) (badEnvelope[3] | 0x0E); // envelope indicator 7: not defined
        assertThat(FeatureFiles.geometry(reader, badEnvelope)).isNull();
    }

    @Test
    void attributes_read_as_the_library_typed_them() {
        assertThat(FeatureFiles.value(1, mil.nga.geopackage.db.GeoPackageDataType.BOOLEAN)).isEqualTo("true");
        assertThat(FeatureFiles.value(0, mil.nga.geopackage.db.GeoPackageDataType.BOOLEAN)).isEqualTo("false");
        assertThat(FeatureFiles.value("2024-01-02T10:00:00.000Z", mil.nga.geopackage.db.GeoPackageDataType.DATETIME)).isEqualTo("2024-01-02");
        assertThat(FeatureFiles.value("2024-01-02", mil.nga.geopackage.db.GeoPackageDataType.DATE)).isEqualTo("2024-01-02");
        assertThat(FeatureFiles.value(1.5, mil.nga.geopackage.db.GeoPackageDataType.DOUBLE)).isEqualTo("1.5");
        assertThat(FeatureFiles.value(new byte[] {1}, mil.nga.geopackage.db.GeoPackageDataType.BLOB)).isNull();
        assertThat(FeatureFiles.value(null, mil.nga.geopackage.db.GeoPackageDataType.TEXT)).isNull();
    }
}
