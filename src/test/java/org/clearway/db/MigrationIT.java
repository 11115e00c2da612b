package org.clearway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.clearway.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The migrations build the whole schema on a fresh PostGIS database, with its constraints in the database. */
class MigrationIT {

    @Test
    void migrations_create_the_schema_on_a_fresh_postgis_database() throws SQLException {
        PgCluster cluster = TestDatabase.cluster();
        String fresh = "fresh_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(cluster.jdbcUrl().replace("/clearway?", "/postgres?"), "clearway", "")) {
            admin.createStatement().execute("CREATE DATABASE " + fresh);
        }
        String url = cluster.jdbcUrl().replace("/clearway?", "/" + fresh + "?");
        var result = Flyway.configure().dataSource(url, "clearway", "").locations("filesystem:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);

        try (Connection c = DriverManager.getConnection(url, "clearway", "")) {
            DSLContext db = DSL.using(c, SQLDialect.POSTGRES);
            List<String> tables = db.fetchValues("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .stream().map(Object::toString).toList();
            assertThat(tables).contains("admin_area", "organisation", "subcluster", "response_plan", "proposal", "proposal_location",
                    "budget_line", "review", "funding_flow", "hazard", "land_release", "casualty", "eore_session", "treaty",
                    "treaty_status", "article5_obligation", "article5_extension", "committee", "committee_term",
                    "partnership_request", "partnership_offer", "partnership_match", "action_plan", "action",
                    "action_progress", "meeting", "observation", "app_user", "app_user_subcluster", "audit_event");
            assertThat(db.fetchValue("SELECT postgis.postgis_lib_version()").toString()).startsWith("3.");
            assertThat(db.fetchValue("SELECT count(*) FROM treaty")).isEqualTo(6L);
            // geometry columns are typed: SRID 4326, MultiPolygon, with a spatial index
            assertThat(db.fetchValue("SELECT srid FROM postgis.geometry_columns WHERE f_table_name = 'hazard' AND f_geometry_column = 'geom'")).isEqualTo(4326);
            assertThat(db.fetchValue("SELECT type FROM postgis.geometry_columns WHERE f_table_name = 'hazard' AND f_geometry_column = 'geom'")).isEqualTo("MULTIPOLYGON");
            // every geometry column of the domain has a spatial index, GiST or (the two tables imports grow by 100,000s
            // of rows) SP-GiST (tile_invalidation's bbox is read by id only, and import_staging's rows by job and row number)
            Object unindexed = db.fetchValue("""
                    SELECT count(*) FROM postgis.geometry_columns g
                    WHERE g.f_table_schema = 'public' AND g.f_table_name NOT IN ('tile_invalidation', 'import_staging')
                      AND NOT EXISTS (SELECT 1 FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = g.f_table_name
                                      AND i.indexdef ~* ('USING (gist|spgist) \\(' || g.f_geometry_column || '\\)'))""");
            assertThat(db.fetchValue("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE indexdef ILIKE '%USING spgist%'"))
                    .isEqualTo("casualty_geom_idx,hazard_anchor_idx,hazard_geom_idx");
            assertThat(unindexed).isEqualTo(0L);
            assertThat(db.fetchValue("SELECT count(*) FROM postgis.geometry_columns WHERE f_table_schema = 'public'")).isEqualTo(14L);
            db.execute("INSERT INTO country (iso3, name, source) VALUES ('TST', 'Testland', 'test')");
            assertThatThrownBy(() -> db.execute("INSERT INTO hazard (iso3, hazard_type, contamination_type, status, geom, area_m2) "
                    + "VALUES ('TST', 'SHA', 'AP_MINE', 'ACTIVE', 'SRID=3857;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))', 1)"))
                    .hasMessageContaining("SRID");
            assertThatThrownBy(() -> db.execute("INSERT INTO hazard (iso3, hazard_type, contamination_type, status, geom, area_m2) "
                    + "VALUES ('TST', 'XYZ', 'AP_MINE', 'ACTIVE', 'SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))', 1)"))
                    .hasMessageContaining("hazard_hazard_type_check");
            // a session without postgis on its search path (psql, ogr2ogr -append) can still write and delete hazards:
            // the triggers' PostGIS calls do not depend on the caller's path
            db.execute("SET search_path TO public");
            db.execute("INSERT INTO hazard (iso3, hazard_type, contamination_type, status, geom, area_m2) "
                    + "VALUES ('TST', 'SHA', 'AP_MINE', 'ACTIVE', 'SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))', 1)");
            assertThat(db.fetchValue("SELECT count(*) FROM tile_invalidation WHERE layer = 'hazards' AND bbox IS NOT NULL")).isEqualTo(1L);
            assertThat(db.execute("DELETE FROM hazard WHERE iso3 = 'TST'")).isEqualTo(1);
            db.execute("SET search_path TO public, postgis");
            db.execute("INSERT INTO audit_event (actor, action, entity) VALUES ('t', 'TEST', 'x')");
            assertThatThrownBy(() -> db.execute("UPDATE audit_event SET actor = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.execute("DELETE FROM audit_event")).hasMessageContaining("append-only");
        } finally {
            try (Connection admin = DriverManager.getConnection(cluster.jdbcUrl().replace("/clearway?", "/postgres?"), "clearway", "")) {
                admin.createStatement().execute("DROP DATABASE " + fresh + " WITH (FORCE)");
            }
        }
    }
}
