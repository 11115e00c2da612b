package org.clearway.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.clearway.common.ClearwayException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams features into {@code import_staging} with PostgreSQL's COPY (the fastest way in), in the caller's
 * transaction: geometry as hex EWKB with its source SRID (2D: z and m are dropped), attributes as JSON.
 */
final class StagingWriter implements AutoCloseable {

    static final int MAX_FEATURES = 200_000;

    private final CopyIn copy;
    private final long jobId;
    private final int srid;
    private final WKBWriter wkb = new WKBWriter(2, true);
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private int rows;
    private boolean dropped3d;

    StagingWriter(Connection connection, long jobId, int srid) {
        this.jobId = jobId;
        this.srid = srid;
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY import_staging (import_job_id, row_no, geom, attrs) FROM STDIN WITH (FORMAT csv)");
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** Adds one feature; {@code geometry} may be null (a row without geometry, e.g. a CSV row joined later by P-code). */
    void add(Geometry geometry, String attributesJson) {
        if (++rows > MAX_FEATURES) {
            throw new ClearwayException("error.import.too-many", String.valueOf(MAX_FEATURES));
        }
        buffer.append(jobId).append(',').append(rows).append(',');
        if (geometry != null && !geometry.isEmpty()) {
            if (!Double.isNaN(geometry.getCoordinate().getZ()) || !Double.isNaN(geometry.getCoordinate().getM())) { // 2D is kept
                dropped3d = true;
            }
            geometry.setSRID(srid);
            buffer.append(WKBWriter.toHex(wkb.write(geometry)));
        }
        buffer.append(",\"").append(attributesJson.replace("\"", "\"\"")).append("\"\n");
        if (buffer.length() > (1 << 16)) {
            flush();
        }
    }

    int rows() {
        return rows;
    }

    boolean dropped3d() {
        return dropped3d;
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** Cancels the COPY after a failure (keeps the original error as the one reported). */
    void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }

    @Override
    public void close() {
        try {
            flush();
            copy.endCopy();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** The database refused the staged rows (not the file's fault: reported as a failure, never as a damaged file). */
    static final class Failure extends IllegalStateException {
        Failure(SQLException cause) {
            super(cause);
        }
    }

    static UncheckedIOException io(IOException e) {
        return new UncheckedIOException(e);
    }
}
