package org.clearway.data;

import static org.clearway.jooq.Tables.ACTION;
import static org.clearway.jooq.Tables.ACTION_PLAN;
import static org.clearway.jooq.Tables.ACTION_PLAN_SECTION;
import static org.clearway.jooq.Tables.COMMITTEE;
import static org.clearway.jooq.Tables.COMMITTEE_ROLE;
import static org.clearway.jooq.Tables.COMMITTEE_TERM;
import static org.clearway.jooq.Tables.COUNTRY;
import static org.clearway.jooq.Tables.DATASET_LOAD;
import static org.clearway.jooq.Tables.FIELD_COORDINATION_FACT;
import static org.clearway.jooq.Tables.PLAN_FIGURE_FACT;
import static org.clearway.jooq.Tables.TREATY;
import static org.clearway.jooq.Tables.TREATY_STATUS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.clearway.common.Csv;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the public facts shipped in {@code db/data/} (countries, treaty status, committee
 * membership, field coordination, plan figures, action plan numbering), each with its source.
 * A dataset is (re)loaded only when its file changed since the last load (SHA-256 in
 * {@code dataset_load}), under an advisory lock, so several instances starting at once load it once.
 */
@Service
public class ReferenceDataLoader {

    static final long LOCK_KEY = 0x436C65617277L; // "Clearw"
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataLoader.class);
    static final String COUNTRIES = "db/data/countries.geojson";
    private static final String REF = "db/data/reference/";
    private static final String NATURAL_EARTH = "Natural Earth 1:50m country outlines via npm world-atlas 2.0.2 (public domain)";

    private final DSLContext db;

    public ReferenceDataLoader(DSLContext db) {
        this.db = db;
    }

    @Transactional
    public void load() {
        db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(LOCK_KEY))).fetch();
        loadIfChanged("countries", COUNTRIES, NATURAL_EARTH, this::loadCountries);
        loadIfChanged("treaty_status", REF + "treaty_status.csv", "UN Treaty Collection, see db/data/reference/SOURCES-treaties.md", this::loadTreatyStatus);
        loadIfChanged("committee_terms", REF + "committee_cooperation_assistance.csv", "see db/data/reference/SOURCES-plans-committee.md", this::loadCommittee);
        loadIfChanged("field_coordination", REF + "ma_aor_field_coordination.csv", "see db/data/reference/SOURCES-plans-committee.md", this::loadFieldCoordination);
        loadIfChanged("plan_figures", REF + "ma_aor_figures.csv", "see db/data/reference/SOURCES-plans-committee.md", this::loadPlanFigures);
        loadIfChanged("action_plans", REF + "oslo_action_plan.csv", "see db/data/reference/SOURCES-plans-committee.md", this::loadActions);
    }

    private void loadIfChanged(String dataset, String path, String source, ToIntFunction<String> loader) {
        String text = DatasetFiles.text(path);
        String checksum = DatasetFiles.sha256(text);
        String previous = db.select(DATASET_LOAD.CHECKSUM).from(DATASET_LOAD).where(DATASET_LOAD.DATASET.eq(dataset)).fetchOne(DATASET_LOAD.CHECKSUM);
        if (checksum.equals(previous)) {
            return;
        }
        int rows = loader.applyAsInt(text);
        db.insertInto(DATASET_LOAD).set(DATASET_LOAD.DATASET, dataset).set(DATASET_LOAD.CHECKSUM, checksum)
                .set(DATASET_LOAD.ROWS, rows).set(DATASET_LOAD.SOURCE, source)
                .onConflict(DATASET_LOAD.DATASET).doUpdate()
                .set(DATASET_LOAD.CHECKSUM, checksum).set(DATASET_LOAD.ROWS, rows)
                .set(DATASET_LOAD.LOADED_AT, DSL.currentOffsetDateTime())
                .execute();
        LOG.info("Loaded reference dataset {} ({} rows) from {}", dataset, rows, path);
    }

    /** Countries and their level-0 admin areas (P-code = ISO alpha-2, as OCHA's COD-AB do). */
    private int loadCountries(String geojson) {
        Map<String, String> iso2 = new HashMap<>();
        Map<String, String> french = new HashMap<>();
        for (String a2 : Locale.getISOCountries()) {
            Locale locale = Locale.of("", a2);
            String a3 = locale.getISO3Country();
            iso2.put(a3, a2);
            french.put(a3, locale.getDisplayCountry(Locale.FRENCH));
        }
        iso2.put("XKX", "XK");
        JSONB codes = JSONB.valueOf(toJson(iso2));
        JSONB names = JSONB.valueOf(toJson(french));
        db.execute("""
                INSERT INTO country (iso3, name, name_fr, source)
                SELECT f->'properties'->>'iso3', f->'properties'->>'name', {1}::jsonb->>(f->'properties'->>'iso3'), {2}
                FROM jsonb_array_elements({0}::jsonb->'features') f
                ON CONFLICT (iso3) DO UPDATE SET name_fr = coalesce(country.name_fr, EXCLUDED.name_fr)
                """, DSL.val(JSONB.valueOf(geojson)), DSL.val(names), DSL.val(NATURAL_EARTH));
        return db.execute("""
                INSERT INTO admin_area (level, pcode, iso3, name, geom, synthetic, source)
                SELECT 0, coalesce({1}::jsonb->>(f->'properties'->>'iso3'), f->'properties'->>'iso3'),
                       f->'properties'->>'iso3', f->'properties'->>'name',
                       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)), 3)),
                       false, {2}
                FROM jsonb_array_elements({0}::jsonb->'features') f
                ON CONFLICT (pcode) DO UPDATE SET geom = EXCLUDED.geom, name = EXCLUDED.name, source = EXCLUDED.source
                """, DSL.val(JSONB.valueOf(geojson)), DSL.val(codes), DSL.val(NATURAL_EARTH));
    }

    private int loadTreatyStatus(String text) {
        Map<String, Short> treaties = db.select(TREATY.CODE, TREATY.TREATY_ID).from(TREATY).fetchMap(TREATY.CODE, TREATY.TREATY_ID);
        int rows = 0;
        for (var row : Csv.readWithHeader(text)) {
            String iso3 = row.get("iso3");
            String source = row.get("source");
            db.insertInto(COUNTRY).set(COUNTRY.ISO3, iso3).set(COUNTRY.NAME, row.get("state"))
                    .set(COUNTRY.NAME_FR, Locale.of("", iso2Of(iso3)).getDisplayCountry(Locale.FRENCH))
                    .set(COUNTRY.SOURCE, source)
                    .onConflict(COUNTRY.ISO3).doUpdate().set(COUNTRY.NAME, row.get("state")).execute();
            Short treatyId = treaties.get(row.get("treaty"));
            if (treatyId == null) {
                throw new IllegalStateException("unknown treaty " + row.get("treaty") + " in treaty_status.csv");
            }
            String status = row.get("status").toUpperCase(Locale.ROOT);
            LocalDate date = row.get("date").isBlank() ? null : partialDate(row.get("date"));
            LocalDate asOf = partialDate(row.get("as_of"));
            rows += db.insertInto(TREATY_STATUS)
                    .set(TREATY_STATUS.ISO3, iso3).set(TREATY_STATUS.TREATY_ID, treatyId)
                    .set(TREATY_STATUS.STATUS, status).set(TREATY_STATUS.STATUS_DATE, date)
                    .set(TREATY_STATUS.NOTE, blankToNull(row.get("note"))).set(TREATY_STATUS.SOURCE, source)
                    .set(TREATY_STATUS.AS_OF, asOf)
                    .onConflict(TREATY_STATUS.ISO3, TREATY_STATUS.TREATY_ID).doUpdate()
                    .set(TREATY_STATUS.STATUS, status).set(TREATY_STATUS.STATUS_DATE, date)
                    .set(TREATY_STATUS.NOTE, blankToNull(row.get("note"))).set(TREATY_STATUS.SOURCE, source)
                    .set(TREATY_STATUS.AS_OF, asOf).set(TREATY_STATUS.VERSION, TREATY_STATUS.VERSION.plus(1))
                    .execute();
        }
        return rows;
    }

    private int loadCommittee(String text) {
        short committeeId = db.select(COMMITTEE.COMMITTEE_ID).from(COMMITTEE).where(COMMITTEE.CODE.eq("APMBC_CEC")).fetchSingle().value1();
        int rows = 0;
        for (var row : Csv.readWithHeader(text)) {
            String iso3 = row.get("iso3");
            short from = Short.parseShort(row.get("year_from"));
            boolean inferred = row.get("year_to").isBlank() || row.get("source").toLowerCase(Locale.ROOT).contains("inferred");
            short to = row.get("year_to").isBlank() ? from : Short.parseShort(row.get("year_to"));
            if ("chair".equals(row.get("role"))) {
                rows += db.insertInto(COMMITTEE_ROLE).set(COMMITTEE_ROLE.COMMITTEE_ID, committeeId)
                        .set(COMMITTEE_ROLE.YEAR, from).set(COMMITTEE_ROLE.ROLE, "CHAIR").set(COMMITTEE_ROLE.ISO3, iso3)
                        .set(COMMITTEE_ROLE.SOURCE, row.get("source"))
                        .onConflict(COMMITTEE_ROLE.COMMITTEE_ID, COMMITTEE_ROLE.YEAR, COMMITTEE_ROLE.ROLE).doUpdate()
                        .set(COMMITTEE_ROLE.ISO3, iso3).set(COMMITTEE_ROLE.SOURCE, row.get("source")).execute();
            } else {
                rows += db.insertInto(COMMITTEE_TERM).set(COMMITTEE_TERM.COMMITTEE_ID, committeeId)
                        .set(COMMITTEE_TERM.ISO3, iso3).set(COMMITTEE_TERM.YEAR_FROM, from).set(COMMITTEE_TERM.YEAR_TO, to)
                        .set(COMMITTEE_TERM.SOURCE, row.get("source")).set(COMMITTEE_TERM.INFERRED, inferred)
                        .onConflict(COMMITTEE_TERM.COMMITTEE_ID, COMMITTEE_TERM.ISO3, COMMITTEE_TERM.YEAR_FROM).doUpdate()
                        .set(COMMITTEE_TERM.YEAR_TO, to).set(COMMITTEE_TERM.SOURCE, row.get("source"))
                        .set(COMMITTEE_TERM.INFERRED, inferred).execute();
            }
        }
        return rows;
    }

    private int loadFieldCoordination(String text) {
        int rows = 0;
        for (var row : Csv.readWithHeader(text)) {
            if (row.get("year").isBlank()) {
                LOG.warn("Field coordination row without a year skipped: {}", row.get("mechanism_name"));
                continue;
            }
            short year = Short.parseShort(row.get("year"));
            rows += db.insertInto(FIELD_COORDINATION_FACT)
                    .set(FIELD_COORDINATION_FACT.COUNTRY, row.get("country"))
                    .set(FIELD_COORDINATION_FACT.ISO3, blankToNull(row.get("iso3")))
                    .set(FIELD_COORDINATION_FACT.MECHANISM_NAME, row.get("mechanism_name"))
                    .set(FIELD_COORDINATION_FACT.LEAD, blankToNull(row.get("lead_organisation")))
                    .set(FIELD_COORDINATION_FACT.CO_LEAD, blankToNull(row.get("co_lead_organisation")))
                    .set(FIELD_COORDINATION_FACT.YEAR, year)
                    .set(FIELD_COORDINATION_FACT.SOURCE, row.get("source"))
                    .onConflict(FIELD_COORDINATION_FACT.COUNTRY, FIELD_COORDINATION_FACT.MECHANISM_NAME, FIELD_COORDINATION_FACT.YEAR)
                    .doUpdate()
                    .set(FIELD_COORDINATION_FACT.LEAD, blankToNull(row.get("lead_organisation")))
                    .set(FIELD_COORDINATION_FACT.CO_LEAD, blankToNull(row.get("co_lead_organisation")))
                    .set(FIELD_COORDINATION_FACT.SOURCE, row.get("source"))
                    .execute();
        }
        return rows;
    }

    private int loadPlanFigures(String text) {
        int rows = 0;
        for (var row : Csv.readWithHeader(text)) {
            String country = row.get("country");
            String iso3 = "GLOBAL".equals(country) ? null
                    : db.select(COUNTRY.ISO3).from(COUNTRY).where(COUNTRY.NAME.eq(country)).fetchOptional(COUNTRY.ISO3).orElse(null);
            short year = Short.parseShort(row.get("year"));
            var insert = db.insertInto(PLAN_FIGURE_FACT)
                    .set(PLAN_FIGURE_FACT.YEAR, year).set(PLAN_FIGURE_FACT.COUNTRY, country).set(PLAN_FIGURE_FACT.ISO3, iso3)
                    .set(PLAN_FIGURE_FACT.PEOPLE_IN_NEED, longOrNull(row.get("people_in_need")))
                    .set(PLAN_FIGURE_FACT.PEOPLE_TARGETED, longOrNull(row.get("people_targeted")))
                    .set(PLAN_FIGURE_FACT.REQUIREMENTS_USD, decimalOrNull(row.get("requirements_usd")))
                    .set(PLAN_FIGURE_FACT.FUNDED_USD, decimalOrNull(row.get("funded_usd")))
                    .set(PLAN_FIGURE_FACT.PARTNERS, row.get("partners").isBlank() ? null : Integer.valueOf(row.get("partners")))
                    .set(PLAN_FIGURE_FACT.SOURCE, row.get("source"));
            // Two sources can give figures for the same country and year: both are kept, distinguished by source.
            rows += insert.onConflictDoNothing().execute();
        }
        return rows;
    }

    private int loadActions(String text) {
        Map<String, Short> plans = db.select(ACTION_PLAN.CODE, ACTION_PLAN.ACTION_PLAN_ID).from(ACTION_PLAN).fetchMap(ACTION_PLAN.CODE, ACTION_PLAN.ACTION_PLAN_ID);
        int rows = 0;
        for (var row : Csv.readWithHeader(text)) {
            Short planId = plans.get(row.get("plan"));
            if (planId == null) {
                throw new IllegalStateException("unknown action plan " + row.get("plan"));
            }
            Integer sectionId = null;
            String section = row.get("section");
            if (!section.isBlank()) {
                String sectionNo = row.get("section_no").isBlank() ? section : row.get("section_no");
                sectionId = db.insertInto(ACTION_PLAN_SECTION).set(ACTION_PLAN_SECTION.ACTION_PLAN_ID, planId)
                        .set(ACTION_PLAN_SECTION.SECTION_NO, sectionNo).set(ACTION_PLAN_SECTION.TITLE, section)
                        .onConflict(ACTION_PLAN_SECTION.ACTION_PLAN_ID, ACTION_PLAN_SECTION.SECTION_NO).doUpdate()
                        .set(ACTION_PLAN_SECTION.TITLE, section)
                        .returning(ACTION_PLAN_SECTION.ACTION_PLAN_SECTION_ID).fetchSingle().getActionPlanSectionId();
            }
            short actionNo = Short.parseShort(row.get("action_no"));
            rows += db.insertInto(ACTION).set(ACTION.ACTION_PLAN_ID, planId).set(ACTION.ACTION_PLAN_SECTION_ID, sectionId)
                    .set(ACTION.ACTION_NO, actionNo).set(ACTION.SUMMARY, blankToNull(row.get("summary")))
                    .set(ACTION.SOURCE, row.get("source"))
                    .onConflict(ACTION.ACTION_PLAN_ID, ACTION.ACTION_NO).doUpdate()
                    .set(ACTION.ACTION_PLAN_SECTION_ID, sectionId).set(ACTION.SOURCE, row.get("source"))
                    .execute();
        }
        return rows;
    }

    /** Sources sometimes give only a month ("2026-02") or a year: stored as its first day. */
    static LocalDate partialDate(String text) {
        String t = text.strip();
        if (t.matches("\\d{4}")) {
            return LocalDate.of(Integer.parseInt(t), 1, 1);
        }
        if (t.matches("\\d{4}-\\d{2}")) {
            return LocalDate.parse(t + "-01");
        }
        return LocalDate.parse(t);
    }

    /** ISO 3166 alpha-3 -> alpha-2, from the JDK's country list. */
    private static final Map<String, String> ISO2 = java.util.Arrays.stream(Locale.getISOCountries())
            .collect(java.util.stream.Collectors.toMap(a2 -> Locale.of("", a2).getISO3Country(), a2 -> a2, (a, b) -> a));

    private static String iso2Of(String iso3) {
        return ISO2.getOrDefault(iso3, "");
    }

    private static String toJson(Map<String, String> map) {
        StringBuilder sb = new StringBuilder("{");
        map.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return sb.append('}').toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long longOrNull(String s) {
        return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
    }

    private static BigDecimal decimalOrNull(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
    }
}
