package org.clearway.data;

import static org.clearway.jooq.Tables.DATASET_LOAD;

import java.math.BigDecimal;
import org.clearway.common.Csv;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo data ({@code db/data/demo/demo-data.sql}, synthetic admin-1 areas from
 * {@code db/data/admin1_seeds.csv}) once: on first start of an empty database, in one transaction,
 * under the same advisory lock as the reference data. Loading again does nothing.
 */
@Service
public class DemoDataLoader {

    static final String DATASET = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DSLContext db;
    private final PasswordEncoder passwordEncoder;

    public DemoDataLoader(DSLContext db, PasswordEncoder passwordEncoder) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
    }

    /** Returns true when it loaded the data, false when it was there already. */
    @Transactional
    public boolean loadIfMissing() {
        db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(ReferenceDataLoader.LOCK_KEY))).fetch();
        if (db.fetchExists(DATASET_LOAD, DATASET_LOAD.DATASET.eq(DATASET))) {
            return false;
        }
        long start = System.nanoTime();
        LOG.info("Loading the demo data (synthetic, labelled as such)...");
        String seeds = DatasetFiles.text("db/data/admin1_seeds.csv");
        db.execute("CREATE TEMP TABLE demo_admin1_seed (iso3 char(3), pcode text, name text, capital text, lon float8, lat float8, "
                + "pcode_status text) ON COMMIT DROP");
        var insert = db.batch(db.query("INSERT INTO demo_admin1_seed VALUES (?, ?, ?, ?, ?, ?, ?)",
                null, null, null, null, null, null, null));
        for (var row : Csv.readWithHeader(seeds)) {
            insert.bind(row.get("iso3"), row.get("pcode"), row.get("name"), row.get("capital"),
                    Double.valueOf(row.get("lon")), Double.valueOf(row.get("lat")), row.get("pcode_status"));
        }
        insert.execute();
        db.select(DSL.function("set_config", String.class, DSL.val("clearway.demo_password_hash"),
                DSL.val(passwordEncoder.encode("demo")), DSL.val(true))).fetch();
        String script = DatasetFiles.text("db/data/demo/demo-data.sql");
        db.connection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(script);
            }
        });
        String checksum = DatasetFiles.sha256(script, seeds);
        db.insertInto(DATASET_LOAD).set(DATASET_LOAD.DATASET, DATASET).set(DATASET_LOAD.CHECKSUM, checksum)
                .set(DATASET_LOAD.ROWS, db.fetchCount(org.clearway.jooq.Tables.PROPOSAL))
                .set(DATASET_LOAD.SOURCE, "synthetic demo data (db/data/demo/demo-data.sql)").execute();
        LOG.info("Demo data loaded in {} ms", BigDecimal.valueOf((System.nanoTime() - start) / 1_000_000));
        return true;
    }
}
