package org.clearway.test;

import java.nio.file.Path;
import org.clearway.db.PgCluster;

/**
 * One throwaway PostgreSQL + PostGIS cluster per test JVM (under target/test-pg, fsync off),
 * started on first use and stopped when the JVM exits. Real PostGIS, never a stand-in.
 */
public final class TestDatabase {

    private static PgCluster cluster;

    private TestDatabase() {
    }

    public static synchronized PgCluster cluster() {
        if (cluster == null) {
            Path dir = Path.of(System.getProperty("clearway.test.pg.dir", "target/test-pg"));
            PgCluster started = new PgCluster(dir, 0, true);
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-postgres-stop"));
            cluster = started;
        }
        return cluster;
    }
}
