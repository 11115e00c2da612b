package org.clearway.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A private PostgreSQL cluster (Debian's PostgreSQL 15 binaries with PostGIS) living in one folder.
 *
 * <p>Used by the app (the embedded default), by the test suite (a throwaway cluster under
 * {@code target/}) and by the build (jOOQ code generation from the migrated schema). It depends on
 * the JDK only, so the build can run it as a single-file program:
 * {@code java src/main/java/org/clearway/db/PgCluster.java start|stop DIR [PORT] [--throwaway]}.
 *
 * <p>Layout of {@code DIR}: {@code pgdata/} (the cluster), {@code log/postgres.log}, {@code port}
 * and, for persistent clusters, {@code password} (mode 600). A persistent cluster listens on
 * 127.0.0.1 only and requires a password; a throwaway one trusts local connections and runs with
 * fsync off. PostgreSQL refuses to run as root, so when we are root the server runs as the
 * {@code postgres} system user.
 */
public final class PgCluster {

    private static final Logger LOG = Logger.getLogger(PgCluster.class.getName());
    public static final String SUPERUSER = "clearway";
    public static final String DATABASE = "clearway";

    private final Path dir;
    private final Path pgdata;
    private final Path binDir;
    private final boolean throwaway;
    private int port;

    public PgCluster(Path dir, int port, boolean throwaway) {
        this.dir = dir.toAbsolutePath().normalize();
        this.pgdata = this.dir.resolve("pgdata");
        this.binDir = findBinDir();
        this.port = port;
        this.throwaway = throwaway;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PgCluster start|stop DIR [PORT] [--throwaway]");
            System.exit(2);
        }
        boolean throwaway = List.of(args).contains("--throwaway");
        int port = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 0;
        PgCluster cluster = new PgCluster(Path.of(args[1]), port, throwaway);
        switch (args[0]) {
            case "start" -> {
                cluster.start();
                System.out.println("PostgreSQL + PostGIS running on 127.0.0.1:" + cluster.port() + " (" + cluster.dir + ")");
            }
            case "stop" -> cluster.stop();
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    /** Initialises the cluster if the folder is new, recovers one left running by a crash, starts it and creates the database. */
    public synchronized void start() {
        try {
            Files.createDirectories(dir);
            if (throwaway) {
                discardPrevious();
            }
            boolean fresh = !Files.exists(pgdata.resolve("PG_VERSION"));
            if (fresh) {
                initdb();
            }
            if (isRunning()) {
                LOG.info("A PostgreSQL server left running in " + pgdata + " (crash?) is stopped and started again");
                pgCtl("stop", "-m", "fast", "-w", "-t", "60");
            }
            if (port == 0) {
                port = previousPortIfFree();
            }
            Files.writeString(dir.resolve("port"), Integer.toString(port));
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + pgdata
                    + (throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
            Path logDir = Files.createDirectories(dir.resolve("log"));
            chownToServerUser(logDir);
            pgCtl("start", "-w", "-t", "120", "-l", logDir.resolve("postgres.log").toString(), "-o", options);
            createDatabaseIfMissing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are rolled back). Does nothing if it is not running. */
    public synchronized void stop() {
        if (Files.exists(pgdata.resolve("PG_VERSION")) && isRunning()) {
            pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        }
    }

    /** A throwaway cluster starts empty: whatever a previous build or test run left is stopped and deleted. */
    private void discardPrevious() throws IOException {
        if (Files.exists(pgdata.resolve("PG_VERSION"))) {
            if (isRunning()) {
                pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
            }
        }
        if (Files.exists(pgdata)) {
            try (var paths = Files.walk(pgdata)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?currentSchema=public,postgis";
    }

    public String password() {
        try {
            Path file = dir.resolve("password");
            return Files.exists(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return run(false, cmd("pg_ctl", "status", "-D", pgdata.toString())) == 0;
    }

    private void initdb() throws IOException {
        LOG.info("Creating a PostgreSQL cluster in " + pgdata);
        makeReachableForServerUser();
        Files.createDirectories(pgdata);
        List<String> args = new ArrayList<>(List.of("-D", pgdata.toString(), "-U", SUPERUSER, "-E", "UTF8",
                "--locale=C.UTF-8", "--no-instructions"));
        Path pwfile = null;
        if (throwaway) {
            args.add("--auth=trust");
        } else {
            String password = newPassword();
            Path file = dir.resolve("password");
            Files.writeString(file, password);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            pwfile = dir.resolve("pwfile.tmp");
            Files.writeString(pwfile, password);
            args.addAll(List.of("--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--pwfile=" + pwfile));
        }
        chownToServerUser(pgdata);
        if (pwfile != null) {
            chownToServerUser(pwfile);
        }
        try {
            check(run(true, cmd("initdb", args.toArray(String[]::new))), "initdb");
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
    }

    private void createDatabaseIfMissing() {
        List<String> psql = new ArrayList<>(List.of(binDir.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", SUPERUSER, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-tAc"));
        psql.add("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
        ProcessResult exists = exec(psql, false);
        if (!exists.output.trim().equals("1")) {
            psql.set(psql.size() - 1, "CREATE DATABASE " + DATABASE);
            check(exec(psql, true).code, "create database");
        }
    }

    private ProcessResult exec(List<String> command, boolean log) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", password());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command.get(0));
            }
            if (log && p.exitValue() != 0) {
                LOG.warning(out);
            }
            return new ProcessResult(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record ProcessResult(int code, String output) {
    }

    private void pgCtl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "-D");
        all.add(2, pgdata.toString());
        check(run(true, cmd("pg_ctl", all.toArray(String[]::new))), "pg_ctl " + args[0]);
    }

    private List<String> cmd(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binDir.resolve(tool).toString());
        command.addAll(List.of(args));
        return command;
    }

    private int run(boolean log, List<String> command) {
        ProcessResult result = exec(command, log);
        if (log && !result.output.isBlank()) {
            LOG.fine(result.output);
        }
        return result.code;
    }

    private static void check(int code, String what) {
        if (code != 0) {
            throw new IllegalStateException(what + " failed (exit " + code + "); see log/postgres.log in the database folder");
        }
    }

    private int previousPortIfFree() throws IOException {
        Path file = dir.resolve("port");
        if (Files.exists(file)) {
            int previous = Integer.parseInt(Files.readString(file).trim());
            if (isFree(previous)) {
                return previous;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The server runs as {@code postgres} when we are root: it must be able to traverse to the folder. */
    private void makeReachableForServerUser() throws IOException {
        if (!isRoot()) {
            return;
        }
        for (Path p = dir; p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                LOG.info("Allowing the postgres user to traverse " + p + " (o+x)");
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    private void chownToServerUser(Path path) {
        if (isRoot()) {
            check(run(true, List.of("chown", "-R", "postgres:postgres", path.toString())), "chown");
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Path findBinDir() {
        String configured = System.getenv("CLEARWAY_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String version : List.of("15", "16", "17", "18")) {
            Path candidate = Path.of("/usr/lib/postgresql", version, "bin");
            if (Files.isExecutable(candidate.resolve("initdb"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin; "
                + "install postgresql-15-postgis-3 (the ./clearway script does) or set CLEARWAY_PG_BIN");
    }

}
