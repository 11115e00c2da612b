package org.clearway.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clearway.common.AccessRefusedException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** Funding flows entered by hand and imported from an FTS-style file: counted once, pledges never, bad files refused whole. */
@ClearwayTest
@Transactional
class FundingServiceIT {

    @Autowired
    FundingService funding;
    @Autowired
    ProposalService proposals;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    long proposal;
    String code;
    long halo;
    long donor;

    @BeforeEach
    void data() {
        AsUser.login(users, "partner.halo");
        halo = db.fetchOne("SELECT organisation_id FROM organisation WHERE acronym = 'HALO'").get(0, Long.class);
        ProposalInput in = new ProposalInput();
        in.setResponsePlanId(db.fetchOne("SELECT response_plan_id FROM response_plan WHERE code = 'HUKR26'").get(0, Long.class));
        in.setOrganisationId(halo);
        in.setTitle("Funding test proposal");
        in.setActivities(Set.of("EORE"));
        in.setRequirementsUsd(new BigDecimal("500000"));
        in.setBudgetLines(List.of(new ProposalInput.BudgetLine("All", new BigDecimal("500000"))));
        in.setWomen(10);
        in.setStartDate(LocalDate.of(2026, 1, 1));
        in.setEndDate(LocalDate.of(2026, 6, 30));
        in.setAdminAreaIds(Set.of(db.fetchOne("SELECT admin_area_id FROM admin_area WHERE iso3 = 'UKR' AND level = 1 LIMIT 1").get(0, Long.class)));
        proposal = proposals.create(in);
        code = proposals.get(proposal).code();
        donor = db.fetchOne("INSERT INTO organisation (name, acronym, org_type) VALUES ('Testland, Government of', 'TGOV', 'GOVERNMENT') RETURNING organisation_id")
                .get(0, Long.class);
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    BigDecimal funded() {
        AsUser.login(users, "coordinator");
        return proposals.get(proposal).fundedUsd();
    }

    String fts(String id, String status, String amount, String recipient) {
        return """
                {"id": "%s", "amountUSD": %s, "originalAmount": %s, "originalCurrency": "EUR", "status": "%s", "date": "2026-03-01T00:00:00Z",
                 "description": "Test flow", "sourceObjects": [{"type": "Organization", "name": "Testland, Government of", "organizationTypes": ["Government"]}],
                 "destinationObjects": [{"type": "Organization", "name": "%s"}, {"type": "Project", "id": "1", "code": "%s"},
                                        {"type": "Plan", "name": "Ukraine"}]}""".formatted(id, amount, amount, status, recipient, code);
    }

    byte[] file(String... flows) {
        return ("{\"data\": {\"flows\": [" + String.join(",", flows) + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void commitments_and_paid_count_pledges_do_not_and_an_identical_flow_is_refused() {
        AsUser.login(users, "lead.ukraine");
        funding.record(new FundingService.FlowInput(donor, halo, proposal, new BigDecimal("100000"), LocalDate.of(2026, 2, 1), "PAID", null));
        funding.record(new FundingService.FlowInput(donor, halo, proposal, new BigDecimal("50000"), LocalDate.of(2026, 2, 1), "PLEDGE", null));
        assertThatThrownBy(() -> funding.record(new FundingService.FlowInput(donor, halo, proposal, new BigDecimal("100000"),
                LocalDate.of(2026, 2, 1), "PAID", null))).hasMessage("error.funding.duplicate");
        assertThat(funded()).isEqualByComparingTo("100000");
        assertThat(proposals.get(proposal).pledgedUsd()).isEqualByComparingTo("50000");
        assertThat(proposals.get(proposal).gapUsd()).isEqualByComparingTo("400000");
    }

    @Test
    void the_recipient_of_a_flow_to_a_proposal_is_its_organisation_and_only_coordinators_record() {
        AsUser.login(users, "coordinator");
        assertThatThrownBy(() -> funding.record(new FundingService.FlowInput(donor, donor, proposal, BigDecimal.TEN, LocalDate.of(2026, 2, 1),
                "PAID", null))).hasMessage("error.funding.recipient");
        assertThatThrownBy(() -> funding.record(new FundingService.FlowInput(donor, halo, proposal, BigDecimal.ZERO, LocalDate.of(2026, 2, 1),
                "PAID", null))).hasMessage("error.funding.amount");
        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> funding.record(new FundingService.FlowInput(donor, halo, proposal, BigDecimal.TEN, LocalDate.of(2026, 2, 1),
                "PAID", null))).isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "lead.yemen");
        assertThatThrownBy(() -> funding.record(new FundingService.FlowInput(donor, halo, proposal, BigDecimal.TEN, LocalDate.of(2026, 2, 1),
                "PAID", null))).isInstanceOf(AccessRefusedException.class);
        assertThat(funded()).isZero();
    }

    @Test
    void importing_the_same_fts_file_twice_counts_each_flow_once_and_updates_a_pledge_that_became_paid() {
        AsUser.login(users, "coordinator");
        var first = funding.importFts(file(fts("T-1", "paid", "200000", "The HALO Trust"), fts("T-2", "pledge", "100000", "HALO")));
        assertThat(first).isEqualTo(new FundingService.ImportResult(2, 0, 0, 0));
        assertThat(funded()).isEqualByComparingTo("200000");
        var again = funding.importFts(file(fts("T-1", "paid", "200000", "The HALO Trust"), fts("T-2", "pledge", "100000", "HALO")));
        assertThat(again).isEqualTo(new FundingService.ImportResult(0, 0, 2, 0));
        assertThat(funded()).isEqualByComparingTo("200000");
        var paid = funding.importFts(file(fts("T-2", "paid", "100000", "HALO")));
        assertThat(paid).isEqualTo(new FundingService.ImportResult(0, 1, 0, 0));
        assertThat(funded()).isEqualByComparingTo("300000");
        assertThat(db.fetchCount(db.selectFrom("funding_flow").where("proposal_id = ?", proposal))).isEqualTo(2);
    }

    @Test
    void a_file_with_one_bad_flow_is_refused_whole_with_the_reason_of_each_and_nothing_is_written() {
        AsUser.login(users, "coordinator");
        int before = db.fetchCount(db.selectFrom("funding_flow"));
        int orgs = db.fetchCount(db.selectFrom("organisation"));
        String unknownDonor = fts("T-3", "paid", "1000", "HALO").replace("Testland, Government of", "Newland, Government of");
        assertThatThrownBy(() -> funding.importFts(file(unknownDonor, fts("T-4", "given", "1000", "HALO"), fts("T-5", "paid", "-5", "HALO"),
                fts("T-6", "paid", "1000", "Mines Advisory Group"), fts("T-3", "paid", "1000", "HALO").replace(code, "HXXX26-PRO-MIN-1"))))
                .isInstanceOfSatisfying(FundingService.ImportRefusedException.class, e -> assertThat(e.problems())
                        .extracting(FieldError::field, FieldError::key).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("T-4", "error.fts.status"),
                                org.assertj.core.groups.Tuple.tuple("T-5", "error.fts.amount"),
                                org.assertj.core.groups.Tuple.tuple("T-6", "error.fts.recipient"),
                                org.assertj.core.groups.Tuple.tuple("T-3", "error.fts.duplicate-id")));
        assertThatThrownBy(() -> funding.importFts("{\"data\": {\"flows\": [".getBytes(StandardCharsets.UTF_8))).hasMessage("error.fts.json");
        assertThatThrownBy(() -> funding.importFts("{\"data\": {}}".getBytes(StandardCharsets.UTF_8))).hasMessage("error.fts.shape");
        assertThatThrownBy(() -> funding.importFts(new byte[0])).hasMessage("error.fts.empty");
        assertThat(db.fetchCount(db.selectFrom("funding_flow"))).isEqualTo(before);
        assertThat(db.fetchCount(db.selectFrom("organisation"))).isEqualTo(orgs);
        // the valid flow alone goes in, creating the unknown donor
        assertThat(funding.importFts(file(unknownDonor))).isEqualTo(new FundingService.ImportResult(1, 0, 0, 1));
    }
}
