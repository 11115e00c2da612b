package org.clearway.exchange;

import static org.clearway.jooq.Tables.IMPORT_JOB;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.clearway.appeal.Workflow;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports in three steps, each safe to repeat and to run on any app instance (the job lives in the database):
 * <ol>
 * <li>{@link #stage}: the file is read feature by feature (GeoJSON, GeoPackage, CSV) and COPYed into
 * {@code import_staging} with its source CRS;</li>
 * <li>{@link #validate}: with a field mapping, PostGIS reprojects to EPSG:4326, repairs invalid geometry
 * ({@code ST_MakeValid}, flagged) or rejects the row with its reason, checks values and finds each row's
 * country and admin area;</li>
 * <li>{@link #commit}: accepted rows go into the target table in one transaction, in batches that report
 * progress; a cancel or a failure rolls everything back.</li>
 * </ol>
 */
@Service
public class ImportService {

    /** The statuses in which a proposal's locations may change (as in the proposal form). */
    private static final String[] EDITABLE = Workflow.EDITABLE.stream().sorted().toArray(String[]::new);

    /**
     * The admin-1 areas a staged proposal-location row {@code s} gives: its P-code's area, or every area its point or
     * shape lies in or covers part of (an area a line or shape only touches does not count; a point on a border gives
     * both areas).
     */
    private static final String LOCATION_AREAS = """
            SELECT a.admin_area_id, a.iso3 FROM admin_area a
            WHERE a.level = 1 AND (s.geom IS NULL AND a.admin_area_id = s.admin_area_id
                                   OR s.geom IS NOT NULL AND a.geom && s.geom4326 AND ST_Intersects(a.geom, s.geom4326)
                                      AND (ST_Dimension(s.geom4326) = 0 OR NOT ST_Touches(a.geom, s.geom4326)))""";

    public static final long MAX_BYTES = 300L * 1024 * 1024;
    static final int BATCH = 5_000;

    /** A staged job and what the file held. */
    public record Job(long id, ImportTarget target, String fileName, String format, int sourceSrid, List<String> attributes, int rows,
                      List<String> warnings, String status, String alreadyImported) implements Serializable {
    }

    /** One row's fate: OK, REPAIRED (with the validity problem fixed) or REJECTED (with the reason). */
    public record RowReport(int row, String status, String reasonKey, String reasonArg) implements Serializable {
    }

    public record Preview(long jobId, int ok, int repaired, int rejected, List<RowReport> problems, String sampleGeoJson,
                          double[] extent) implements Serializable {
    }

    /** Where a target field's value comes from: a source attribute, else the constant (may both be null). */
    public record Source(String attribute, String constant) implements Serializable {
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    /** Transactions of their own (validation slices on other threads), committed whatever the caller's does. */
    private final TransactionTemplate separate;
    private final JsonMapper json = JsonMapper.builder().build();

    public ImportService(DSLContext db, CurrentUser currentUser, AuditLog auditLog, PlatformTransactionManager transactions) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Global roles import anything; sub-cluster leads hazards and casualties (of their sub-clusters' countries); partners
     * the locations of their organisation's proposals (those they may edit, as in the proposal form).
     */
    public boolean canImport(ImportTarget target) {
        return currentUser.find().map(s -> s.isGlobal() || switch (target) {
            case HAZARDS, CASUALTIES -> s.role() == Role.SUBCLUSTER_LEAD;
            case PROPOSAL_LOCATIONS -> s.role() == Role.PARTNER && s.organisationId() != null;
            case ADMIN_AREAS -> false;
        }).orElse(false);
    }

    private UserScope requireImporter(ImportTarget target) {
        UserScope s = currentUser.require();
        if (!canImport(target)) {
            throw new AccessRefusedException("error.import.not-allowed");
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- 1. stage

    @Transactional
    public Job stage(ImportTarget target, String fileName, Path file) {
        UserScope s = requireImporter(target);
        String format = FeatureFiles.formatOf(fileName);
        String sha;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ClearwayException("error.import.too-large", String.valueOf(MAX_BYTES / 1024 / 1024));
            }
            sha = sha256(file);
        } catch (IOException e) {
            throw new ClearwayException("error.import.unreadable");
        }
        long jobId = db.insertInto(IMPORT_JOB).set(IMPORT_JOB.TARGET, target.name()).set(IMPORT_JOB.FILE_NAME, fileName)
                .set(IMPORT_JOB.FORMAT, format).set(IMPORT_JOB.SHA256, sha).set(IMPORT_JOB.CREATED_BY, s.username())
                .returning(IMPORT_JOB.IMPORT_JOB_ID).fetchSingle().getImportJobId();
        StagingWriter[] writer = new StagingWriter[1];
        FeatureFiles.Header header = db.connectionResult(c -> {
            try {
                FeatureFiles.Header h = FeatureFiles.read(format, file, srid -> {
                    writer[0] = new StagingWriter(c, jobId, srid);
                    return writer[0]::add;
                });
                if (writer[0] != null) {
                    writer[0].close();
                }
                return h;
            } catch (RuntimeException e) {
                if (writer[0] != null) {
                    writer[0].abort(); // the COPY is cancelled; the transaction rolls back with the original error
                }
                throw e;
            }
        });
        int rows = writer[0] == null ? 0 : writer[0].rows();
        // fresh statistics: the staging table is often empty between imports, and a plan made for an empty table
        // (nested loops over 100,000 rows) would take hours
        db.execute("ANALYZE import_staging");
        if (rows == 0) {
            throw new ClearwayException("error.import.empty");
        }
        List<String> warnings = new ArrayList<>(header.warnings());
        if (writer[0].dropped3d()) {
            warnings.add("import.warning.3d:");
        }
        if (db.fetchOne("SELECT count(*) FROM spatial_ref_sys WHERE srid = ?", header.srid()).get(0, Long.class) == 0) {
            throw new ClearwayException("error.import.crs", String.valueOf(header.srid()));
        }
        db.update(IMPORT_JOB).set(IMPORT_JOB.SOURCE_SRID, header.srid()).set(IMPORT_JOB.ATTRIBUTES, header.attributes().toArray(String[]::new))
                .set(IMPORT_JOB.ROWS_TOTAL, rows).set(IMPORT_JOB.WARNINGS, warnings.toArray(String[]::new))
                .where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId)).execute();
        return job(jobId);
    }

    @Transactional(readOnly = true)
    public Job job(long jobId) {
        UserScope s = currentUser.require();
        var r = db.selectFrom(IMPORT_JOB).where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId)).fetchOne();
        if (r == null || !s.isGlobal() && !r.getCreatedBy().equals(s.username())) { // a job is its importer's (or a global coordinator's)
            throw new ClearwayException("error.not-found");
        }
        String already = db.fetchOne("""
                SELECT max(committed_at)::date::text FROM import_job WHERE sha256 = ? AND target = ? AND status = 'COMMITTED' AND import_job_id <> ?""",
                r.getSha256(), r.getTarget(), jobId).get(0, String.class);
        return new Job(jobId, ImportTarget.valueOf(r.getTarget()), r.getFileName(), r.getFormat(),
                r.getSourceSrid() == null ? 4326 : r.getSourceSrid(), List.of(r.getAttributes()), r.getRowsTotal(), List.of(r.getWarnings()),
                r.getStatus(), already);
    }

    /**
     * The default mapping: a source attribute with the field's name (any case; a proposal's code also from code, proposal
     * or project_code), and the field's default where it is empty.
     */
    public Map<String, Source> suggestMapping(Job job) {
        Map<String, Source> m = new LinkedHashMap<>();
        for (ImportTarget.Field f : job.target().fields()) {
            List<String> names = f.name().equals("proposal_code") ? List.of("proposal_code", "code", "proposal", "project_code") : List.of(f.name());
            String attr = names.stream().flatMap(n -> job.attributes().stream().filter(a -> a.equalsIgnoreCase(n))).findFirst().orElse(null);
            m.put(f.name(), new Source(attr, f.defaultValue())); // the default also fills rows where the attribute is empty
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------- 2. validate

    @Transactional
    public Preview validate(long jobId, Map<String, Source> mapping) {
        Job job = job(jobId);
        UserScope s = requireImporter(job.target());
        if (!List.of("STAGED", "VALIDATED").contains(job.status())) {
            throw new ClearwayException("error.import.state", job.status());
        }
        noJit();
        // mapped values, normalised (trimmed; upper-cased where a list of values applies), in one jsonb per row
        StringBuilder vals = new StringBuilder("jsonb_build_object(");
        List<Object> binds = new ArrayList<>();
        int i = 0;
        for (ImportTarget.Field f : job.target().fields()) {
            Source src = mapping.getOrDefault(f.name(), new Source(null, null));
            if (src.attribute() != null && !job.attributes().contains(src.attribute())) {
                throw new ClearwayException("error.import.attribute", src.attribute());
            }
            vals.append(i++ == 0 ? "" : ", ").append("?::text, ");
            binds.add(f.name());
            String expr = "nullif(btrim(coalesce(s.attrs ->> ?::text, ?::text)), '')";
            vals.append(f.allowed() == null ? expr : "upper(" + expr + ")");
            binds.add(src.attribute());
            binds.add(src.constant());
        }
        vals.append(")");
        // global roles: any country; a lead: their sub-clusters' countries (none at all if they have no sub-cluster)
        String scopeCountries = s.isGlobal() ? "ARRAY[s.iso3]"
                : "coalesce((SELECT array_agg(iso3) FROM subcluster WHERE subcluster_id = ANY (?::bigint[])), '{}')";
        List<Object> scopeBinds = s.isGlobal() ? List.of()
                : List.of(s.subclusterIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")));

        // step a, one pass over the rows: mapped values; geometry reprojected (a plain 2D cast when the file is already
        // in EPSG:4326), made valid where it is not (flagged REPAIRED with the reason), reduced to the target's type; and the
        // country and admin area where a point inside it falls. OFFSET 0 keeps each expression computed once.
        String transform = job.sourceSrid() == 4326 ? "ST_SetSRID(ST_Force2D(s.geom), 4326)"
                : "import_try_transform(ST_SetSRID(s.geom, " + job.sourceSrid() + "))";
        String shape = switch (job.target().shape()) {
            case POINTS -> "ST_GeometryN(ST_CollectionExtract(%s, 1), 1)";
            case POLYGONS -> "ST_Multi(ST_CollectionExtract(%s, 3))";
            case ANY -> "ST_CollectionExtract(%s)"; // its parts of the highest dimension: only the admin-1 areas it covers are kept
        };
        boolean polygons = job.target().shape() == ImportTarget.Shape.POLYGONS;
        boolean spatial = job.target() != ImportTarget.ADMIN_AREAS;
        // each slice: (1) the checked rows into a temporary table with a point inside each geometry; (2) the admin-1 area
        // of every point, found from the areas' side (a few hundred areas, each probing an index over the slice's points,
        // each area's shape prepared once) instead of one index probe into the areas per row (six times slower); (3) one
        // UPDATE of the staged rows with all of it
        String check = """
                CREATE TEMP TABLE import_checked ON COMMIT DROP AS
                SELECT y.*, ST_PointOnSurface(y.fg) AS pt, %s AS area FROM (
                        SELECT x.row_no, x.vals,
                               CASE WHEN x.g IS NULL THEN NULL WHEN x.valid THEN %s ELSE %s END AS fg,
                               CASE WHEN x.g IS NULL THEN NULL WHEN x.valid THEN 'OK' ELSE 'REPAIRED' END AS st,
                               CASE WHEN x.g IS NOT NULL AND NOT x.valid THEN ST_IsValidReason(x.g) END AS why
                        FROM (SELECT w.*, ST_IsValid(w.g) AS valid FROM (
                                SELECT s.row_no, %s AS vals, CASE WHEN s.geom IS NULL THEN NULL ELSE %s END AS g
                                FROM import_staging s WHERE s.import_job_id = ? AND s.row_no BETWEEN ? AND ? OFFSET 0) w OFFSET 0) x OFFSET 0) y
                """.formatted(polygons ? "round(ST_Area(y.fg::geography)::numeric, 1)" : "NULL::numeric",
                shape.formatted("x.g"), shape.formatted("ST_MakeValid(x.g)"), vals, transform);
        // (no ANALYZE: without statistics the planner already probes the points' index from each area, and sampling cost 0.1 s)
        String index = "CREATE INDEX ON import_checked USING gist (pt)";
        String apply = """
                UPDATE import_staging s SET vals = c.vals, geom4326 = c.fg, row_status = c.st, reason_arg = c.why, reason_key = NULL,
                       iso3 = coalesce(l.iso3, (SELECT a.iso3 FROM admin_area a WHERE a.level = 0 AND a.geom && c.pt AND ST_Intersects(a.geom, c.pt) LIMIT 1)),
                       admin_area_id = l.admin_area_id, area_m2 = c.area
                FROM import_checked c
                LEFT JOIN (SELECT DISTINCT ON (m.row_no) m.row_no, a.admin_area_id, a.iso3
                           FROM admin_area a CROSS JOIN LATERAL (SELECT i.row_no FROM import_checked i WHERE i.pt && a.geom AND ST_Intersects(a.geom, i.pt)) m
                           WHERE %s AND a.level = 1 ORDER BY m.row_no, a.admin_area_id) l ON l.row_no = c.row_no
                WHERE s.import_job_id = ? AND s.row_no = c.row_no""".formatted(spatial ? "true" : "false");
        // (the admin-1 area gives the country too; a country outline, large and slower, only where no admin-1 area is known)
        inSlices(jobId, job.rows(), binds, check, index, apply);
        // the job's row before its staged rows, as cancel() and the clean-up take them (no deadlock), and a job cancelled
        // while the slices ran stays cancelled
        String now = db.fetchValue("SELECT status FROM import_job WHERE import_job_id = ? FOR UPDATE", jobId).toString();
        if (!"STAGED".equals(now)) {
            throw new ClearwayException("error.import.state", now);
        }
        // P-code rows of a CSV without coordinates take their admin area's shape (casualties: a point inside it)
        db.execute("""
                UPDATE import_staging s SET geom4326 = CASE WHEN %1$s THEN ST_PointOnSurface(a.geom) ELSE a.geom END, row_status = 'OK',
                       iso3 = a.iso3, admin_area_id = a.admin_area_id,
                       area_m2 = CASE WHEN %1$s THEN NULL ELSE round(ST_Area(a.geom::geography)::numeric, 1) END
                FROM admin_area a
                WHERE s.import_job_id = ? AND s.geom IS NULL
                  AND a.pcode = upper(btrim(coalesce(s.attrs ->> 'pcode', s.attrs ->> 'adm1_pcode', s.attrs ->> 'admin1pcode', s.attrs ->> 'p_code')))
                """.formatted(!polygons), jobId);
        // step b: reasons to reject, first one wins
        StringBuilder checks = new StringBuilder();
        List<Object> cb = new ArrayList<>();
        checks.append("WHEN s.geom IS NULL AND s.geom4326 IS NULL THEN 'error.import.row.no-geometry' ");
        checks.append("WHEN s.geom IS NOT NULL AND s.geom4326 IS NULL THEN 'error.import.row.crs' ");
        checks.append("WHEN ST_IsEmpty(s.geom4326) THEN '").append(switch (job.target().shape()) {
                    case POINTS -> "error.import.row.not-point";
                    case POLYGONS -> "error.import.row.not-polygon";
                    case ANY -> "error.import.row.no-geometry";
                })
                .append("' ");
        checks.append("WHEN ST_XMin(s.geom4326) < -180 OR ST_XMax(s.geom4326) > 180 OR ST_YMin(s.geom4326) < -90 OR ST_YMax(s.geom4326) > 90 ")
                .append("THEN 'error.import.row.range' ");
        checks.append("WHEN length(s.attrs::text) > 65536 THEN 'error.import.row.too-long' ");
        for (ImportTarget.Field f : job.target().fields()) {
            if (f.required()) {
                checks.append("WHEN s.vals ->> ? IS NULL THEN 'error.import.row.required:' || ? ");
                cb.add(f.name());
                cb.add(f.name());
            }
            if (f.allowed() != null) {
                checks.append("WHEN s.vals ->> ? IS NOT NULL AND NOT (s.vals ->> ? = ANY (?::text[])) THEN 'error.import.row.value:' || ? || '=' || left(s.vals ->> ?, 60) ");
                cb.add(f.name());
                cb.add(f.name());
                cb.add(f.allowed().toArray(String[]::new));
                cb.add(f.name());
                cb.add(f.name());
            }
            if (f.name().endsWith("_date")) {
                checks.append("WHEN s.vals ->> ? IS NOT NULL AND import_try_date(s.vals ->> ?) IS NULL THEN 'error.import.row.date:' || left(s.vals ->> ?, 60) ");
                cb.add(f.name());
                cb.add(f.name());
                cb.add(f.name());
            }
        }
        if (job.target() == ImportTarget.ADMIN_AREAS) {
            checks.append("WHEN NOT (s.vals ->> 'pcode' ~ '^[A-Z0-9]{2,20}$') THEN 'error.import.row.pcode:' || left(s.vals ->> 'pcode', 40) ");
            checks.append("WHEN count(*) OVER (PARTITION BY upper(s.vals ->> 'pcode')) > 1 THEN 'error.import.row.duplicate:' || left(s.vals ->> 'pcode', 40) ");
            checks.append("WHEN NOT EXISTS (SELECT 1 FROM country c WHERE c.iso3 = upper(s.vals ->> 'iso3')) THEN 'error.import.row.country:' || left(s.vals ->> 'iso3', 10) ");
        }
        List<Object> b = new ArrayList<>(cb);
        b.add(jobId);
        db.execute("""
                UPDATE import_staging s SET row_status = 'REJECTED', reason_key = split_part(x.reason, ':', 1), reason_arg = substr(x.reason, length(split_part(x.reason, ':', 1)) + 2)
                FROM (SELECT s.row_no, CASE %s END AS reason FROM import_staging s WHERE s.import_job_id = ?) x
                WHERE s.import_job_id = x.import_job_id_placeholder AND s.row_no = x.row_no AND x.reason IS NOT NULL"""
                .formatted(checks).replace("x.import_job_id_placeholder", "?"), concat(b, jobId));
        // step c: rows outside every country, or (for a lead) outside their sub-clusters' countries; proposal locations:
        // a proposal this user may edit, still open to edits, and an admin-1 area in its plan's country
        if (job.target() == ImportTarget.PROPOSAL_LOCATIONS) {
            db.execute("""
                    UPDATE import_staging s SET row_status = 'REJECTED', reason_key = x.reason, reason_arg = left(x.code, 60)
                    FROM (SELECT s.row_no, s.vals ->> 'proposal_code' AS code,
                                 CASE WHEN p.proposal_id IS NULL OR p.deleted_at IS NOT NULL OR NOT (%1$s) THEN 'error.import.row.proposal'
                                      WHEN NOT (p.status = ANY (?::text[])) THEN 'error.import.row.proposal-state'
                                      WHEN la.areas = 0 THEN 'error.import.row.no-area'
                                      WHEN la.in_country = 0 THEN 'error.import.row.proposal-country' END AS reason
                          FROM import_staging s
                          LEFT JOIN proposal p ON upper(p.code) = upper(s.vals ->> 'proposal_code')
                          LEFT JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                          CROSS JOIN LATERAL (SELECT count(*) AS areas, count(*) FILTER (WHERE a.iso3 = rp.iso3) AS in_country
                                              FROM (%2$s) a) la
                          WHERE s.import_job_id = ? AND s.row_status <> 'REJECTED') x
                    WHERE s.import_job_id = ? AND s.row_no = x.row_no AND x.reason IS NOT NULL"""
                            .formatted(s.isGlobal() ? "true" : "p.organisation_id = ?", LOCATION_AREAS),
                    s.isGlobal() ? new Object[] {EDITABLE, jobId, jobId} : new Object[] {s.organisationId(), EDITABLE, jobId, jobId});
        } else if (job.target() != ImportTarget.ADMIN_AREAS) {
            db.execute("""
                    UPDATE import_staging s SET row_status = 'REJECTED',
                        reason_key = CASE WHEN s.iso3 IS NULL THEN 'error.import.row.no-country' ELSE 'error.import.row.scope' END,
                        reason_arg = s.iso3
                    WHERE s.import_job_id = ? AND s.row_status <> 'REJECTED'
                      AND (s.iso3 IS NULL OR NOT (s.iso3 = ANY (%s)))""".formatted(scopeCountries),
                    concat(new ArrayList<>(List.of(jobId)), scopeBinds.toArray()));
        }
        Record counts = db.fetchOne("""
                SELECT count(*) FILTER (WHERE row_status = 'OK'), count(*) FILTER (WHERE row_status = 'REPAIRED'),
                       count(*) FILTER (WHERE row_status = 'REJECTED')
                FROM import_staging WHERE import_job_id = ?""", jobId);
        int ok = counts.get(0, Integer.class);
        int repaired = counts.get(1, Integer.class);
        int rejected = counts.get(2, Integer.class);
        db.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, "VALIDATED").set(IMPORT_JOB.ROWS_OK, ok).set(IMPORT_JOB.ROWS_REPAIRED, repaired)
                .set(IMPORT_JOB.ROWS_REJECTED, rejected).set(IMPORT_JOB.MAPPING, JSONB.valueOf(json.writeValueAsString(mapping)))
                .where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId)).execute(); // its row is locked and was checked above
        List<RowReport> problems = db.fetch("""
                SELECT row_no, row_status, reason_key, reason_arg FROM import_staging
                WHERE import_job_id = ? AND row_status <> 'OK' ORDER BY row_no LIMIT 500""", jobId)
                .map(r -> new RowReport(r.get(0, Integer.class), r.get(1, String.class),
                        r.get(2, String.class) == null ? "import.row.repaired" : r.get(2, String.class), r.get(3, String.class)));
        Record sample = db.fetchOne("""
                SELECT ST_AsGeoJSON(ST_Collect(g), 6), ST_XMin(ST_Extent(g)), ST_YMin(ST_Extent(g)), ST_XMax(ST_Extent(g)), ST_YMax(ST_Extent(g))
                FROM (SELECT ST_SimplifyPreserveTopology(geom4326, 0.0005) AS g FROM import_staging
                      WHERE import_job_id = ? AND row_status <> 'REJECTED' ORDER BY row_no LIMIT 300) x""", jobId);
        double[] extent = sample.get(1) == null ? null
                : new double[] {sample.get(1, Double.class), sample.get(2, Double.class), sample.get(3, Double.class), sample.get(4, Double.class)};
        return new Preview(jobId, ok, repaired, rejected, problems, sample.get(0, String.class), extent);
    }

    /**
     * Runs step a of the validation over the staged rows in slices of row numbers, one transaction per slice on
     * as many threads as the server has cores (at most four; one slice below 20,000 rows): the rows are independent,
     * and on a 2-core server 100,000 polygons validate in about half the time. The job is marked STAGED first, in
     * its own transaction, so that a validation that fails halfway can never be committed: only a validation that
     * ran to its end marks the job VALIDATED.
     */
    private void inSlices(long jobId, int rows, List<Object> binds, String check, String index, String apply) {
        int open = separate.execute(t -> db.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, "STAGED")
                .where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId).and(IMPORT_JOB.STATUS.in("STAGED", "VALIDATED"))).execute());
        if (open == 0) { // committed or cancelled meanwhile (another tab, another instance)
            throw new ClearwayException("error.import.state",
                    db.select(IMPORT_JOB.STATUS).from(IMPORT_JOB).where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId)).fetchOne(IMPORT_JOB.STATUS));
        }
        int slices = rows < 20_000 ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors());
        int size = (rows + slices - 1) / slices;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int from = 1; from <= Math.max(rows, 1); from += size) {
                List<Object> b = new ArrayList<>(binds);
                b.addAll(List.of(jobId, from, from + size - 1));
                running.add(threads.submit(() -> separate.executeWithoutResult(t -> {
                    noJit();
                    db.execute(check, b.toArray());
                    db.execute(index);
                    db.execute(apply, jobId);
                })));
            }
            for (Future<?> slice : running) {
                try {
                    slice.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClearwayException("error.import.cancelled");
                }
            }
        }
    }

    /**
     * The import statements are large (100,000s of rows, many expressions), so PostgreSQL would JIT-compile each
     * of them, and every commit batch again: that compiling took longer than the work (bench: validate 5.8 s -> 3.9 s,
     * commit 6.9 s -> 5.0 s for 100,000 polygons). For this transaction only.
     */
    private void noJit() {
        db.execute("SET LOCAL jit = off");
    }

    private static Object[] concat(List<Object> list, Object... more) {
        List<Object> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all.toArray();
    }

    // ---------------------------------------------------------------------------------------------- 3. commit

    /**
     * Writes the accepted rows into the target, all or nothing. {@code progress} receives the rows written so far;
     * {@code cancelled} is checked between batches (a cancel rolls back). A file already imported into the same
     * target is refused unless {@code again}.
     */
    @Transactional
    public int commit(long jobId, boolean again, IntConsumer progress, AtomicBoolean cancelled) {
        Job job = job(jobId);
        UserScope s = requireImporter(job.target());
        int locked = db.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, "COMMITTED").set(IMPORT_JOB.COMMITTED_AT, DSL.currentOffsetDateTime())
                .where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId).and(IMPORT_JOB.STATUS.eq("VALIDATED"))).execute();
        if (locked == 0) {
            throw new ClearwayException("error.import.state", job.status());
        }
        if (job.alreadyImported() != null && !again) {
            throw new ClearwayException("error.import.already", job.alreadyImported());
        }
        noJit();
        if (job.target() == ImportTarget.PROPOSAL_LOCATIONS) {
            int added = commitLocations(jobId, s);
            if (progress != null) {
                progress.accept(added);
            }
            if (cancelled != null && cancelled.get()) {
                throw new ClearwayException("error.import.cancelled");
            }
            return finish(job, added);
        }
        int max = db.fetchOne("SELECT coalesce(max(row_no), 0) FROM import_staging WHERE import_job_id = ?", jobId).get(0, Integer.class);
        String source = "import: " + job.fileName() + " (job " + jobId + ", by " + s.username() + ")";
        int written = 0;
        for (int from = 1; from <= max; from += BATCH) {
            written += db.execute(insertSql(job.target()), source, jobId, from, from + BATCH - 1);
            if (progress != null) {
                progress.accept(written);
            }
            if (cancelled != null && cancelled.get()) { // also after the last batch: nothing is final before the commit
                throw new ClearwayException("error.import.cancelled");
            }
        }
        requireAllStaged(jobId, written);
        return finish(job, written);
    }

    /** Staged rows lost (an unlogged table after a crash): nothing is committed, the file must be uploaded again. */
    private void requireAllStaged(long jobId, int found) {
        int expected = db.fetchOne("SELECT rows_ok + rows_repaired FROM import_job WHERE import_job_id = ?", jobId).get(0, Integer.class);
        if (found != expected) {
            throw new ClearwayException("error.import.staging-lost", String.valueOf(found), String.valueOf(expected));
        }
    }

    private int finish(Job job, int written) {
        db.execute("DELETE FROM import_staging WHERE import_job_id = ?", job.id());
        auditLog.record("IMPORT", job.target().name().toLowerCase(java.util.Locale.ROOT), job.id(), null,
                db.selectFrom(IMPORT_JOB).where(IMPORT_JOB.IMPORT_JOB_ID.eq(job.id())).fetchOne());
        return written;
    }

    /**
     * Proposal locations: the proposals named are locked and checked again (one may have been submitted, or handed
     * to another organisation, since the validation: then nothing is written), each (proposal, admin-1 area) pair is
     * added once, pairs a proposal already has are kept as they are, and every proposal that gains a location gets a new
     * version as after a save in its form (a form open on it meanwhile then refuses to overwrite) and an audit entry
     * naming the areas added. Returns the pairs added.
     */
    private int commitLocations(long jobId, UserScope s) {
        String rows = """
                FROM import_staging s JOIN proposal p ON upper(p.code) = upper(s.vals ->> 'proposal_code')
                WHERE s.import_job_id = ? AND s.row_status IN ('OK', 'REPAIRED')""";
        requireAllStaged(jobId, db.fetchOne("SELECT count(*) FROM import_staging s WHERE s.import_job_id = ? AND s.row_status IN ('OK', 'REPAIRED')",
                jobId).get(0, Integer.class));
        var proposals = db.fetch("""
                SELECT proposal_id, code, status, organisation_id, deleted_at IS NOT NULL AS deleted FROM proposal
                WHERE proposal_id IN (SELECT p.proposal_id %s) ORDER BY proposal_id FOR UPDATE""".formatted(rows), jobId);
        for (Record p : proposals) {
            boolean mine = s.isGlobal() || java.util.Objects.equals(s.organisationId(), p.get("organisation_id", Long.class));
            if (!mine || p.get("deleted", Boolean.class) || !Workflow.EDITABLE.contains(p.get("status", String.class))) {
                throw new ClearwayException("error.import.proposal-changed", p.get("code", String.class));
            }
        }
        // a code checked before that no longer finds a locked proposal (renamed, removed): nothing is written either
        Long[] locked = proposals.getValues("proposal_id", Long.class).toArray(Long[]::new);
        String lost = db.fetchOne("""
                SELECT min(s.vals ->> 'proposal_code') FROM import_staging s
                WHERE s.import_job_id = ? AND s.row_status IN ('OK', 'REPAIRED')
                  AND NOT EXISTS (SELECT 1 FROM proposal p WHERE upper(p.code) = upper(s.vals ->> 'proposal_code') AND p.proposal_id = ANY (?))""",
                jobId, locked).get(0, String.class);
        if (lost != null) {
            throw new ClearwayException("error.import.proposal-changed", lost);
        }
        // the areas in the proposal's country (a shape drawn a little over the border keeps the part inside)
        var added = db.fetch("""
                INSERT INTO proposal_location (proposal_id, admin_area_id)
                SELECT DISTINCT p.proposal_id, la.admin_area_id
                FROM import_staging s JOIN proposal p ON upper(p.code) = upper(s.vals ->> 'proposal_code')
                JOIN response_plan rp ON rp.response_plan_id = p.response_plan_id
                CROSS JOIN LATERAL (%s AND a.iso3 = rp.iso3) la
                WHERE s.import_job_id = ? AND s.row_status IN ('OK', 'REPAIRED') AND p.proposal_id = ANY (?)
                ON CONFLICT DO NOTHING RETURNING proposal_id, admin_area_id""".formatted(LOCATION_AREAS), jobId, locked);
        Map<Long, List<Long>> byProposal = new java.util.TreeMap<>();
        added.forEach(r -> byProposal.computeIfAbsent(r.get(0, Long.class), k -> new ArrayList<>()).add(r.get(1, Long.class)));
        if (!byProposal.isEmpty()) { // only proposals that gained a location: a form open on another one can still save
            db.execute("UPDATE proposal SET version = version + 1, updated_at = now() WHERE proposal_id = ANY (?)",
                    (Object) byProposal.keySet().toArray(Long[]::new));
        }
        byProposal.forEach((proposalId, areas) -> auditLog.record("IMPORT", "proposal", proposalId, null, db.fetchOne("""
                SELECT ?::bigint AS import_job_id, string_agg(pcode, ' ' ORDER BY pcode) AS locations_added FROM admin_area
                WHERE admin_area_id = ANY (?)""", jobId, areas.toArray(Long[]::new))));
        return added.size();
    }

    private static String insertSql(ImportTarget target) {
        String rows = " FROM import_staging s WHERE s.import_job_id = ? AND s.row_status IN ('OK', 'REPAIRED') AND s.row_no BETWEEN ? AND ?"
                + " ORDER BY s.row_no"; // new ids follow the file's order
        return switch (target) {
            case HAZARDS -> """
                    INSERT INTO hazard (iso3, admin_area_id, hazard_type, contamination_type, status, name, external_ref, geom, area_m2,
                                        recorded_date, synthetic, source)
                    SELECT s.iso3, s.admin_area_id, s.vals ->> 'hazard_type', s.vals ->> 'contamination_type', s.vals ->> 'status',
                           s.vals ->> 'name', s.vals ->> 'external_ref', s.geom4326, coalesce(s.area_m2, round(ST_Area(s.geom4326::geography)::numeric, 1)), -- validated before V0011: no area yet
                           import_try_date(s.vals ->> 'recorded_date'), false, coalesce(s.vals ->> 'source', ?)""" + rows;
            case CASUALTIES -> """
                    INSERT INTO casualty (iso3, admin_area_id, incident_date, outcome, civilian, sex, age_group, device_type, geom, synthetic, source)
                    SELECT s.iso3, s.admin_area_id, import_try_date(s.vals ->> 'incident_date'), s.vals ->> 'outcome',
                           (s.vals ->> 'civilian')::boolean, coalesce(s.vals ->> 'sex', 'UNKNOWN'), coalesce(s.vals ->> 'age_group', 'UNKNOWN'),
                           coalesce(s.vals ->> 'device_type', 'UNKNOWN'), s.geom4326, false, coalesce(s.vals ->> 'source', ?)""" + rows;
            case ADMIN_AREAS -> """
                    INSERT INTO admin_area AS a (level, pcode, iso3, name, parent_id, geom, synthetic, source)
                    SELECT 1, upper(s.vals ->> 'pcode'), upper(s.vals ->> 'iso3'), s.vals ->> 'name',
                           (SELECT admin_area_id FROM admin_area c WHERE c.level = 0 AND c.iso3 = upper(s.vals ->> 'iso3') LIMIT 1),
                           s.geom4326, false, coalesce(s.vals ->> 'source', ?)""" + rows + """

                    ON CONFLICT (pcode) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom, synthetic = false, source = EXCLUDED.source""";
            case PROPOSAL_LOCATIONS -> throw new IllegalArgumentException("proposal locations are written by commitLocations");
        };
    }

    @Transactional
    public void cancel(long jobId) {
        Job job = job(jobId);
        requireImporter(job.target());
        db.update(IMPORT_JOB).set(IMPORT_JOB.STATUS, "CANCELLED").where(IMPORT_JOB.IMPORT_JOB_ID.eq(jobId)
                .and(IMPORT_JOB.STATUS.in("STAGED", "VALIDATED"))).execute();
        db.execute("DELETE FROM import_staging WHERE import_job_id = ?", jobId);
    }

    /**
     * Cancels the imports that were uploaded (and perhaps checked) but neither committed nor discarded for a day, and drops
     * their staged rows: a user who closed the page leaves nothing behind for good. Safe on several instances at once (one
     * statement; a commit holding the job's row finishes first, and a committed job is no longer matched).
     */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    @Transactional
    public int forgetAbandoned() {
        // SKIP LOCKED: a job being committed or checked is left alone (they decide); the scheduler's thread, which also polls
        // the tile cache's change records, waits at most a few seconds for staged rows a check is still writing
        db.execute("SET LOCAL lock_timeout = '5s'");
        return db.fetchOne("""
                WITH old AS (SELECT import_job_id FROM import_job
                             WHERE status IN ('STAGED', 'VALIDATED') AND created_at < now() - interval '1 day' FOR UPDATE SKIP LOCKED),
                     gone AS (UPDATE import_job j SET status = 'CANCELLED' FROM old WHERE j.import_job_id = old.import_job_id
                              RETURNING j.import_job_id),
                     dropped AS (DELETE FROM import_staging WHERE import_job_id IN (SELECT import_job_id FROM gone))
                SELECT count(*) FROM gone""").get(0, Integer.class);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
