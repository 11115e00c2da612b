package org.clearway.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The embedded default keeps its data across restarts, uses a password, and recovers a cluster left running by a crash. */
class EmbeddedClusterIT {

    @Test
    void data_survives_a_restart_and_a_cluster_left_running_is_taken_over() throws Exception {
        Path dir = Path.of("target", "embedded-it-" + System.nanoTime());
        PgCluster first = new PgCluster(dir, 0, false);
        first.start();
        try {
            assertThat(first.password()).hasSizeGreaterThan(20);
            assertThat(Files.getPosixFilePermissions(dir.resolve("password")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), PgCluster.SUPERUSER, first.password())) {
                c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
            }
            // a wrong password is refused: the private cluster is not open to other local users
            assertThat(canConnect(first.jdbcUrl(), "wrong")).isFalse();
            first.stop();
            assertThat(first.isRunning()).isFalse();

            PgCluster second = new PgCluster(dir, 0, false);
            second.start();
            // simulate a crash of the app: the server keeps running, a new app process starts on the same folder
            PgCluster afterCrash = new PgCluster(dir, 0, false);
            afterCrash.start();
            try (Connection c = DriverManager.getConnection(afterCrash.jdbcUrl(), PgCluster.SUPERUSER, afterCrash.password());
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            afterCrash.stop();
            assertThat(second.isRunning()).isFalse();
        } finally {
            first.stop();
        }
    }

    private static boolean canConnect(String url, String password) {
        try (Connection ignored = DriverManager.getConnection(url, PgCluster.SUPERUSER, password)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
