package org.clearway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearway.jooq.Tables.ADMIN_AREA;
import static org.clearway.jooq.Tables.CASUALTY;

import java.time.LocalDate;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** PostGIS geometry <-> JTS through the jOOQ binding, keeping coordinates and SRID. */
@ClearwayTest
@Transactional
class JtsGeometryBindingIT {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Autowired
    DSLContext db;

    @Test
    void a_multipolygon_round_trips_with_its_srid() throws Exception {
        MultiPolygon written = (MultiPolygon) new WKTReader(WGS84)
                .read("MULTIPOLYGON(((30.5 50.4,30.6 50.4,30.6 50.5,30.5 50.5,30.5 50.4)),((31 51,31.1 51,31.1 51.1,31 51)))");
        long id = db.insertInto(ADMIN_AREA).set(ADMIN_AREA.LEVEL, (short) 1).set(ADMIN_AREA.PCODE, "UA99TEST")
                .set(ADMIN_AREA.ISO3, "UKR").set(ADMIN_AREA.NAME, "Test area")
                .set(ADMIN_AREA.PARENT_ID, db.select(ADMIN_AREA.ADMIN_AREA_ID).from(ADMIN_AREA).where(ADMIN_AREA.PCODE.eq("UA")).fetchSingle().value1())
                .set(ADMIN_AREA.GEOM, written).set(ADMIN_AREA.SOURCE, "test")
                .returning(ADMIN_AREA.ADMIN_AREA_ID).fetchSingle().getAdminAreaId();

        Geometry read = db.select(ADMIN_AREA.GEOM).from(ADMIN_AREA).where(ADMIN_AREA.ADMIN_AREA_ID.eq(id)).fetchSingle().value1();
        assertThat(read).isInstanceOf(MultiPolygon.class);
        assertThat(read.getSRID()).isEqualTo(4326);
        assertThat(read.equalsExact(written)).isTrue();
        // PostGIS sees the same geometry: its area in degrees and its SRID
        assertThat(db.fetchValue("SELECT ST_SRID(geom) FROM admin_area WHERE admin_area_id = ?", id)).isEqualTo(4326);
        assertThat(((Number) db.fetchValue("SELECT ST_NumGeometries(geom) FROM admin_area WHERE admin_area_id = ?", id)).intValue()).isEqualTo(2);
    }

    @Test
    void a_point_round_trips_and_null_stays_null() {
        Point p = WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(44.2, 15.35));
        long id = db.insertInto(CASUALTY).set(CASUALTY.ISO3, "YEM").set(CASUALTY.INCIDENT_DATE, LocalDate.of(2025, 3, 1))
                .set(CASUALTY.OUTCOME, "INJURED").set(CASUALTY.GEOM, p)
                .returning(CASUALTY.CASUALTY_ID).fetchSingle().getCasualtyId();
        Geometry read = db.select(CASUALTY.GEOM).from(CASUALTY).where(CASUALTY.CASUALTY_ID.eq(id)).fetchSingle().value1();
        assertThat(read.equalsExact(p)).isTrue();
        assertThat(read.getSRID()).isEqualTo(4326);
        assertThat(db.select(ADMIN_AREA.GEOM).from(ADMIN_AREA).where(ADMIN_AREA.PCODE.eq("NOPE")).fetchOne()).isNull();
    }
}
