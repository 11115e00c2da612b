package org.clearway.appeal;

import static org.clearway.jooq.Tables.FUNDING_FLOW;
import static org.clearway.jooq.Tables.ORGANISATION;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearway.appeal.Views.FlowView;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.AuditLog;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.jooq.tables.records.FundingFlowRecord;
import org.clearway.security.CurrentUser;
import org.clearway.security.Role;
import org.clearway.security.UserScope;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Funding flows in the FTS style: donor organisation → recipient organisation, optionally → proposal.
 * Commitments and paid contributions count as funding, pledges do not. A flow carries its FTS id when it
 * came from FTS, so importing the same file twice updates flows instead of counting them again.
 */
@Service
public class FundingService {

    public static final List<String> STATUSES = List.of("PLEDGE", "COMMITMENT", "PAID");
    public static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;
    public static final int MAX_IMPORT_FLOWS = 50_000;

    static final String FLOW_SQL = """
            SELECT f.funding_flow_id, src.name, dst.name, p.code, f.proposal_id, f.amount_usd, f.flow_date, f.status, f.fts_flow_id,
                   f.description, f.version, f.synthetic
            FROM funding_flow f
            JOIN organisation src ON src.organisation_id = f.source_organisation_id
            JOIN organisation dst ON dst.organisation_id = f.destination_organisation_id
            LEFT JOIN proposal p ON p.proposal_id = f.proposal_id""";

    /** A flow entered by hand. */
    public record FlowInput(Long sourceOrganisationId, Long destinationOrganisationId, Long proposalId, BigDecimal amountUsd,
                            LocalDate date, String status, String description) implements java.io.Serializable {
    }

    /** What an import did. */
    public record ImportResult(int inserted, int updated, int unchanged, int organisationsCreated) implements java.io.Serializable {
    }

    /** An import refused as a whole, with the reasons per flow (nothing was written). */
    public static class ImportRefusedException extends ClearwayException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> problems;

        public ImportRefusedException(List<FieldError> problems) {
            super("error.fts.refused", String.valueOf(problems.size()));
            this.problems = List.copyOf(problems);
        }

        /** {@code field} is the flow (its FTS id or its position in the file). */
        public List<FieldError> problems() {
            return problems;
        }
    }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;

    public FundingService(DSLContext db, CurrentUser currentUser, AuditLog auditLog) {
        this.db = db;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    static FlowView flow(Record r) {
        return new FlowView(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, Long.class), r.get(5, BigDecimal.class), r.get(6, LocalDate.class), r.get(7, String.class),
                r.get(8, String.class), r.get(9, String.class), r.get(10, Long.class), r.get(11, Boolean.class));
    }

    /** The flows the user may see, newest first: all for global roles, their sub-clusters' for leads, their own for partners. */
    @Transactional(readOnly = true)
    public List<FlowView> list(Integer year) {
        UserScope s = currentUser.require();
        String scope = switch (s.role()) {
            case ADMIN, GLOBAL_COORDINATOR -> "true";
            case SUBCLUSTER_LEAD -> "p.subcluster_id = ANY ({1}::bigint[])";
            case PARTNER -> "(f.source_organisation_id = {2} OR f.destination_organisation_id = {2})";
            case DONOR -> "(p.proposal_id IS NULL OR p.status IN ('PUBLISHED', 'CLOSED'))";
        };
        String ids = s.subclusterIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return db.resultQuery(FLOW_SQL + " WHERE (p.proposal_id IS NULL OR p.deleted_at IS NULL) AND " + scope
                        + " AND ({0}::int IS NULL OR extract(year FROM f.flow_date) = {0}) ORDER BY f.flow_date DESC, f.funding_flow_id DESC LIMIT 5000",
                DSL.val(year), DSL.val(ids), DSL.val(s.organisationId())).fetch(FundingService::flow);
    }

    public boolean canRecord() {
        return currentUser.find().map(s -> s.isGlobal() || s.role() == Role.SUBCLUSTER_LEAD).orElse(false);
    }

    public boolean canDelete() {
        return currentUser.isGlobal();
    }

    /** Records a flow entered by hand; the recipient of a flow to a proposal must be the proposal's organisation. */
    @Transactional
    public long record(FlowInput in) {
        UserScope s = currentUser.require();
        if (!canRecord()) {
            throw new AccessRefusedException("error.funding.not-allowed");
        }
        if (in.sourceOrganisationId() == null || in.destinationOrganisationId() == null) {
            throw new ClearwayException("error.funding.organisations");
        }
        if (in.amountUsd() == null || in.amountUsd().signum() <= 0 || in.amountUsd().compareTo(new BigDecimal("1e13")) >= 0) {
            throw new ClearwayException("error.funding.amount");
        }
        if (in.date() == null || in.date().getYear() < 2000 || in.date().getYear() > 2100) {
            throw new ClearwayException("error.funding.date");
        }
        if (in.status() == null || !STATUSES.contains(in.status())) {
            throw new ClearwayException("error.funding.status");
        }
        Long planId = null;
        if (in.proposalId() != null) {
            Record p = db.fetchOne("SELECT organisation_id, subcluster_id, response_plan_id FROM proposal WHERE proposal_id = ? AND deleted_at IS NULL",
                    in.proposalId());
            if (p == null) {
                throw new ClearwayException("error.not-found");
            }
            if (!p.get(0, Long.class).equals(in.destinationOrganisationId())) {
                throw new ClearwayException("error.funding.recipient");
            }
            if (!s.isGlobal() && !s.subclusterIds().contains(p.get(1, Long.class))) {
                throw new AccessRefusedException("error.funding.not-allowed");
            }
            planId = p.get(2, Long.class);
        } else if (!s.isGlobal()) {
            throw new ClearwayException("error.funding.lead-needs-proposal");
        }
        boolean duplicate = db.fetchExists(DSL.selectOne().from(FUNDING_FLOW).where(FUNDING_FLOW.SOURCE_ORGANISATION_ID.eq(in.sourceOrganisationId())
                .and(FUNDING_FLOW.DESTINATION_ORGANISATION_ID.eq(in.destinationOrganisationId()))
                .and(in.proposalId() == null ? FUNDING_FLOW.PROPOSAL_ID.isNull() : FUNDING_FLOW.PROPOSAL_ID.eq(in.proposalId()))
                .and(FUNDING_FLOW.AMOUNT_USD.eq(in.amountUsd())).and(FUNDING_FLOW.FLOW_DATE.eq(in.date()))
                .and(FUNDING_FLOW.STATUS.eq(in.status()))));
        if (duplicate) {
            throw new ClearwayException("error.funding.duplicate");
        }
        if (!db.fetchExists(DSL.selectOne().from(ORGANISATION).where(ORGANISATION.ORGANISATION_ID.eq(in.sourceOrganisationId())))) {
            throw new ClearwayException("error.funding.organisations");
        }
        FundingFlowRecord r = db.newRecord(FUNDING_FLOW);
        r.setSourceOrganisationId(in.sourceOrganisationId());
        r.setDestinationOrganisationId(in.destinationOrganisationId());
        r.setProposalId(in.proposalId());
        r.setResponsePlanId(planId);
        r.setAmountUsd(in.amountUsd());
        r.setFlowDate(in.date());
        r.setStatus(in.status());
        r.setDescription(in.description() == null || in.description().isBlank() ? null : in.description().strip());
        r.store();
        auditLog.record("INSERT", "funding_flow", r.getFundingFlowId(), null, r);
        return r.getFundingFlowId();
    }

    @Transactional
    public void delete(long id, long expectedVersion) {
        if (!currentUser.require().isGlobal()) {
            throw new AccessRefusedException("error.funding.not-allowed");
        }
        FundingFlowRecord before = db.selectFrom(FUNDING_FLOW).where(FUNDING_FLOW.FUNDING_FLOW_ID.eq(id)).fetchOne();
        if (before == null) {
            throw new ClearwayException("error.not-found");
        }
        if (db.deleteFrom(FUNDING_FLOW).where(FUNDING_FLOW.FUNDING_FLOW_ID.eq(id).and(FUNDING_FLOW.VERSION.eq(expectedVersion))).execute() == 0) {
            throw new ConcurrentEditException("funding_flow");
        }
        auditLog.record("DELETE", "funding_flow", id, before, null);
    }

    // ---------------------------------------------------------------------------------------------------- FTS import

    private record Parsed(String ftsId, BigDecimal amountUsd, BigDecimal originalAmount, String originalCurrency, LocalDate date,
                          String status, String description, String source, String sourceType, String destination, String projectCode) {
    }

    /**
     * Imports flows from an FTS-style JSON file ({@code {"data": {"flows": [...]}}} as the FTS API returns, or a bare
     * array of flows). Every flow is checked first; one bad flow refuses the whole file with the reasons. Flows are
     * matched on their FTS id: new ones are added, changed ones updated (a pledge becoming paid), none counted twice.
     * Unknown organisations are created; the recipient of a flow to a project must be the project's organisation.
     */
    @Transactional
    public ImportResult importFts(byte[] json) {
        UserScope s = currentUser.require();
        if (!canRecord()) {
            throw new AccessRefusedException("error.funding.not-allowed");
        }
        if (json.length == 0) {
            throw new ClearwayException("error.fts.empty");
        }
        if (json.length > MAX_IMPORT_BYTES) {
            throw new ClearwayException("error.fts.too-large", String.valueOf(MAX_IMPORT_BYTES / 1024 / 1024));
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ClearwayException("error.fts.json", String.valueOf(e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
        }
        JsonNode flows = root.isArray() ? root : root.path("data").path("flows");
        if (!flows.isArray()) {
            throw new ClearwayException("error.fts.shape");
        }
        if (flows.isEmpty()) {
            throw new ClearwayException("error.fts.empty");
        }
        if (flows.size() > MAX_IMPORT_FLOWS) {
            throw new ClearwayException("error.fts.too-many", String.valueOf(MAX_IMPORT_FLOWS));
        }
        List<FieldError> problems = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (JsonNode f : flows) {
            position++;
            Parsed p = parse(f, position, problems);
            if (p != null && !seen.add(p.ftsId())) {
                problems.add(new FieldError(p.ftsId(), "error.fts.duplicate-id"));
            } else if (p != null) {
                parsed.add(p);
            }
        }
        Map<String, Record> projects = new HashMap<>();
        Set<String> codes = parsed.stream().map(Parsed::projectCode).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (!codes.isEmpty()) {
            db.resultQuery("""
                    SELECT p.code, p.proposal_id, p.organisation_id, o.name, o.acronym, p.subcluster_id, p.response_plan_id
                    FROM proposal p JOIN organisation o USING (organisation_id) WHERE p.code = ANY ({0}) AND p.deleted_at IS NULL""",
                    DSL.val(codes.toArray(String[]::new))).forEach(r -> projects.put(r.get(0, String.class), r));
        }
        Map<String, Long> orgs = new HashMap<>();
        db.resultQuery("SELECT organisation_id, name, acronym FROM organisation").forEach(r -> {
            orgs.put(r.get(1, String.class).toLowerCase(Locale.ROOT), r.get(0, Long.class));
            if (r.get(2) != null) {
                orgs.putIfAbsent(r.get(2, String.class).toLowerCase(Locale.ROOT), r.get(0, Long.class));
            }
        });
        for (Parsed p : parsed) {
            if (p.projectCode() == null) {
                if (!s.isGlobal()) {
                    problems.add(new FieldError(p.ftsId(), "error.funding.lead-needs-proposal"));
                }
                continue;
            }
            Record project = projects.get(p.projectCode());
            if (project == null) {
                problems.add(new FieldError(p.ftsId(), "error.fts.project-unknown", p.projectCode()));
                continue;
            }
            String dst = p.destination().toLowerCase(Locale.ROOT);
            if (!dst.equals(project.get(3, String.class).toLowerCase(Locale.ROOT))
                    && !dst.equals(String.valueOf(project.get(4, String.class)).toLowerCase(Locale.ROOT))) {
                problems.add(new FieldError(p.ftsId(), "error.fts.recipient", p.destination(), p.projectCode()));
            }
            if (!s.isGlobal() && !s.subclusterIds().contains(project.get(5, Long.class))) {
                problems.add(new FieldError(p.ftsId(), "error.fts.scope", p.projectCode()));
            }
        }
        Map<String, FundingFlowRecord> existing = new HashMap<>();
        db.selectFrom(FUNDING_FLOW).where(FUNDING_FLOW.FTS_FLOW_ID.in(parsed.stream().map(Parsed::ftsId).toList()))
                .forEach(r -> existing.put(r.getFtsFlowId(), r));
        if (!s.isGlobal() && !existing.isEmpty()) { // a lead may update only flows of their own sub-clusters' proposals
            db.fetch("""
                    SELECT f.fts_flow_id FROM funding_flow f LEFT JOIN proposal p ON p.proposal_id = f.proposal_id
                    WHERE f.fts_flow_id = ANY (?) AND (p.proposal_id IS NULL OR NOT p.subcluster_id = ANY (?))""",
                    existing.keySet().toArray(String[]::new), s.subclusterIds().toArray(Long[]::new))
                    .forEach(r -> problems.add(new FieldError(r.get(0, String.class), "error.fts.scope-existing")));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        int created = 0;
        for (Parsed p : parsed) {
            for (String[] org : List.of(new String[] {p.source(), p.sourceType()}, new String[] {p.destination(), null})) {
                String key = org[0].toLowerCase(Locale.ROOT);
                if (!orgs.containsKey(key)) {
                    var o = db.insertInto(ORGANISATION).set(ORGANISATION.NAME, org[0]).set(ORGANISATION.ORG_TYPE, orgType(org[1]))
                            .set(ORGANISATION.SOURCE, "FTS import").returning().fetchOne();
                    auditLog.record("INSERT", "organisation", o.getOrganisationId(), null, o);
                    orgs.put(key, o.getOrganisationId());
                    created++;
                }
            }
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (Parsed p : parsed) {
            Record project = p.projectCode() == null ? null : projects.get(p.projectCode());
            FundingFlowRecord before = existing.get(p.ftsId());
            FundingFlowRecord r = before == null ? db.newRecord(FUNDING_FLOW) : before.copy();
            r.setFtsFlowId(p.ftsId());
            r.setSourceOrganisationId(orgs.get(p.source().toLowerCase(Locale.ROOT)));
            r.setDestinationOrganisationId(orgs.get(p.destination().toLowerCase(Locale.ROOT)));
            r.setProposalId(project == null ? null : project.get(1, Long.class));
            r.setResponsePlanId(project == null ? null : project.get(6, Long.class));
            r.setAmountUsd(p.amountUsd());
            r.setOriginalAmount(p.originalAmount());
            r.setOriginalCurrency(p.originalCurrency());
            r.setFlowDate(p.date());
            r.setStatus(p.status());
            r.setDescription(p.description());
            if (before == null) {
                r.store();
                auditLog.record("INSERT", "funding_flow", r.getFundingFlowId(), null, r);
                inserted++;
            } else if (same(before, r)) {
                unchanged++;
            } else {
                r.setFundingFlowId(before.getFundingFlowId());
                int n = db.update(FUNDING_FLOW).set(r).set(FUNDING_FLOW.VERSION, FUNDING_FLOW.VERSION.plus(1))
                        .where(FUNDING_FLOW.FUNDING_FLOW_ID.eq(before.getFundingFlowId()).and(FUNDING_FLOW.VERSION.eq(before.getVersion())))
                        .execute();
                if (n == 0) {
                    throw new ConcurrentEditException("funding_flow");
                }
                auditLog.record("UPDATE", "funding_flow", before.getFundingFlowId(), before, r);
                updated++;
            }
        }
        return new ImportResult(inserted, updated, unchanged, created);
    }

    private static boolean same(FundingFlowRecord a, FundingFlowRecord b) {
        return a.getSourceOrganisationId().equals(b.getSourceOrganisationId())
                && a.getDestinationOrganisationId().equals(b.getDestinationOrganisationId())
                && java.util.Objects.equals(a.getProposalId(), b.getProposalId()) && a.getAmountUsd().compareTo(b.getAmountUsd()) == 0
                && a.getFlowDate().equals(b.getFlowDate()) && a.getStatus().equals(b.getStatus())
                && java.util.Objects.equals(a.getDescription(), b.getDescription());
    }

    private static String orgType(String ftsType) {
        if (ftsType == null) {
            return "OTHER";
        }
        String t = ftsType.toLowerCase(Locale.ROOT);
        return t.contains("government") ? "GOVERNMENT" : t.contains("un agency") || t.startsWith("un ") ? "UN"
                : t.contains("ngo") ? "INGO" : t.contains("red cross") ? "RED_CROSS" : "DONOR";
    }

    private static Parsed parse(JsonNode f, int position, List<FieldError> problems) {
        String where = f.path("id").isMissingNode() || f.path("id").isNull() ? "#" + position : f.path("id").asString();
        int before = problems.size();
        if (!f.isObject()) {
            problems.add(new FieldError("#" + position, "error.fts.flow-shape"));
            return null;
        }
        String id = f.path("id").isValueNode() ? f.path("id").asString().strip() : "";
        if (id.isEmpty() || id.length() > 40) {
            problems.add(new FieldError(where, "error.fts.id"));
        }
        BigDecimal amount = f.path("amountUSD").isNumber() ? f.path("amountUSD").decimalValue() : null;
        if (amount == null || amount.signum() <= 0 || amount.compareTo(new BigDecimal("1e13")) >= 0) {
            problems.add(new FieldError(where, "error.fts.amount"));
        }
        String status = f.path("status").asString("").toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            problems.add(new FieldError(where, "error.fts.status", f.path("status").asString("")));
        }
        LocalDate date = null;
        String dateText = f.path("date").asString("");
        try {
            date = LocalDate.parse(dateText.length() >= 10 ? dateText.substring(0, 10) : dateText);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(where, "error.fts.date", dateText));
        }
        String source = object(f.path("sourceObjects"), "Organization", "name");
        String sourceType = null;
        for (JsonNode o : f.path("sourceObjects")) {
            if ("Organization".equals(o.path("type").asString("")) && o.path("organizationTypes").isArray() && !o.path("organizationTypes").isEmpty()) {
                sourceType = o.path("organizationTypes").get(0).asString("");
            }
        }
        String destination = object(f.path("destinationObjects"), "Organization", "name");
        if (source == null || source.length() > 300) {
            problems.add(new FieldError(where, "error.fts.source"));
        }
        if (destination == null || destination.length() > 300) {
            problems.add(new FieldError(where, "error.fts.destination"));
        }
        String project = object(f.path("destinationObjects"), "Project", "code");
        String currency = f.path("originalCurrency").isString() ? f.path("originalCurrency").asString().toUpperCase(Locale.ROOT) : null;
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            problems.add(new FieldError(where, "error.fts.currency", currency));
        }
        String description = f.path("description").isString() ? f.path("description").asString().strip() : null;
        if (description != null && description.length() > 2000) {
            description = description.substring(0, 2000);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Parsed(id, amount.setScale(2, java.math.RoundingMode.HALF_UP),
                f.path("originalAmount").isNumber() ? f.path("originalAmount").decimalValue() : null, currency, date, status,
                description == null || description.isEmpty() ? null : description, source, sourceType, destination, project);
    }

    private static String object(JsonNode objects, String type, String field) {
        for (JsonNode o : objects) {
            if (type.equals(o.path("type").asString("")) && o.path(field).isValueNode() && !o.path(field).asString("").isBlank()) {
                return o.path(field).asString().strip();
            }
        }
        return null;
    }
}
