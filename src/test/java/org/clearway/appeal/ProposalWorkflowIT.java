package org.clearway.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearway.appeal.Views.Criterion;
import org.clearway.appeal.Workflow.Action;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vetting workflow on the demo accounts: partner.halo (The HALO Trust) enters a proposal for the Ukraine
 * 2026 plan; lead.ukraine vets it; lead.yemen and the donor must not touch it. Every transition is tried by
 * the roles allowed and refused.
 */
@ClearwayTest
@Transactional
class ProposalWorkflowIT {

    @Autowired
    ProposalService proposals;
    @Autowired
    ReviewCommittee committee;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    long plan;
    long halo;
    List<Long> areas;

    @BeforeEach
    void data() {
        plan = db.fetchOne("SELECT response_plan_id FROM response_plan WHERE code = 'HUKR26'").get(0, Long.class);
        halo = db.fetchOne("SELECT organisation_id FROM organisation WHERE acronym = 'HALO'").get(0, Long.class);
        areas = db.fetch("SELECT admin_area_id FROM admin_area WHERE iso3 = 'UKR' AND level = 1 ORDER BY pcode LIMIT 2")
                .getValues(0, Long.class);
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    ProposalInput valid(long organisation) {
        ProposalInput in = new ProposalInput();
        in.setResponsePlanId(plan);
        in.setOrganisationId(organisation);
        in.setTitle("Clearance of farmland near the front line");
        in.setActivities(Set.of("SURVEY_CLEARANCE"));
        in.setRequirementsUsd(new BigDecimal("1000000"));
        in.setBudgetLines(List.of(new ProposalInput.BudgetLine("Staff", new BigDecimal("600000.00")),
                new ProposalInput.BudgetLine("Equipment", new BigDecimal("400000"))));
        in.setGirls(100);
        in.setBoys(120);
        in.setWomen(300);
        in.setMen(280);
        in.setOlderPersons(50);
        in.setPersonsWithDisabilities(40);
        in.setGamCode(3);
        in.setStartDate(LocalDate.of(2026, 1, 1));
        in.setEndDate(LocalDate.of(2026, 12, 31));
        in.setAdminAreaIds(Set.of(areas.get(0)));
        return in;
    }

    long draft() {
        AsUser.login(users, "partner.halo");
        return proposals.create(valid(halo));
    }

    long version(long id) {
        return db.fetchOne("SELECT version FROM proposal WHERE proposal_id = ?", id).get(0, Long.class);
    }

    String status(long id) {
        return db.fetchOne("SELECT status FROM proposal WHERE proposal_id = ?", id).get(0, String.class);
    }

    Map<Long, Integer> scores(long id, int each) {
        return proposals.criteria(id).stream().collect(Collectors.toMap(Criterion::id, c -> each));
    }

    void as(String user, long id, Action action) {
        AsUser.login(users, user);
        proposals.act(id, version(id), action, null);
    }

    @Test
    void a_draft_gets_a_unique_code_in_the_plans_pattern_and_a_timeline_entry() {
        long a = draft();
        long b = proposals.create(valid(halo));
        var detail = proposals.get(a);
        assertThat(detail.code()).matches("HUKR26-PRO-MIN-\\d{6}");
        assertThat(proposals.get(b).code()).isNotEqualTo(detail.code());
        assertThat(detail.status()).isEqualTo("DRAFT");
        assertThat(detail.budget()).extracting(ProposalInput.BudgetLine::getAmountUsd)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("600000"), new BigDecimal("400000"));
        assertThat(detail.timeline()).extracting(Views.TransitionView::to).containsExactly("DRAFT");
        assertThat(detail.editable()).isTrue();
        assertThat(detail.actions()).containsExactlyInAnyOrder(Action.SUBMIT, Action.WITHDRAW);
        assertThat(db.fetchOne("SELECT footprint IS NOT NULL FROM proposal WHERE proposal_id = ?", a).get(0, Boolean.class)).isTrue();
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("entity = 'proposal' AND entity_id = ?", String.valueOf(a)))).isEqualTo(1);
    }

    @Test
    void the_whole_way_from_draft_to_closed_by_the_allowed_roles() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        as("lead.ukraine", id, Action.START_REVIEW);
        proposals.review(id, version(id), Action.APPROVE, scores(id, 4), "Well targeted.");
        assertThat(status(id)).isEqualTo("APPROVED");
        as("lead.ukraine", id, Action.PUBLISH);
        AsUser.login(users, "donor");
        assertThat(proposals.get(id).status()).isEqualTo("PUBLISHED");
        assertThat(proposals.list(ProposalService.Filter.ALL)).extracting(Views.ProposalRow::id).contains(id);
        as("coordinator", id, Action.CLOSE);
        AsUser.login(users, "partner.halo");
        var detail = proposals.get(id);
        assertThat(detail.timeline()).extracting(Views.TransitionView::to)
                .containsExactly("DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "PUBLISHED", "CLOSED");
        assertThat(detail.reviews()).singleElement().satisfies(r -> {
            assertThat(r.decision()).isEqualTo("APPROVE");
            assertThat(r.scores()).hasSize(5).containsValue(4);
        });
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("entity = 'proposal' AND entity_id = ? AND action LIKE 'TRANSITION%'",
                String.valueOf(id)))).isEqualTo(5);
    }

    @Test
    void a_partner_cannot_vet_and_other_roles_cannot_submit() {
        long id = draft();
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.SUBMIT, null)).isInstanceOf(AccessRefusedException.class);
        as("partner.halo", id, Action.SUBMIT);
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.START_REVIEW, null)).isInstanceOf(AccessRefusedException.class);
        as("lead.ukraine", id, Action.START_REVIEW);
        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.APPROVE, scores(id, 5), "mine"))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        AsUser.login(users, "lead.ukraine");
        // publishing before approval: refused for the state, not the role
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.PUBLISH, null))
                .isInstanceOf(ClearwayException.class).hasMessage("error.proposal.transition");
        proposals.review(id, version(id), Action.APPROVE, scores(id, 3), null);
        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.PUBLISH, null)).isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "donor");
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.PUBLISH, null)).isInstanceOf(ClearwayException.class)
                .hasMessage("error.not-found"); // an approved, unpublished proposal does not exist for a donor
        assertThat(status(id)).isEqualTo("APPROVED");
    }

    @Test
    void a_lead_of_another_sub_cluster_neither_sees_nor_touches_the_proposal() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        AsUser.login(users, "lead.yemen");
        assertThatThrownBy(() -> proposals.get(id)).hasMessage("error.not-found");
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.START_REVIEW, null)).hasMessage("error.not-found");
        assertThat(proposals.list(ProposalService.Filter.ALL)).extracting(Views.ProposalRow::id).doesNotContain(id);
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void an_appointed_reviewer_may_vet_but_never_a_proposal_of_their_own_organisation() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        db.execute("INSERT INTO plan_reviewer (response_plan_id, app_user_id) SELECT ?, app_user_id FROM app_user WHERE username IN ('lead.yemen', 'partner.halo')",
                plan);
        as("lead.yemen", id, Action.START_REVIEW);
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.APPROVE, scores(id, 5), null))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void revision_requested_with_a_reason_then_revised_and_resubmitted_in_a_second_round() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        as("lead.ukraine", id, Action.START_REVIEW);
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.REQUEST_REVISION, scores(id, 2), " "))
                .hasMessage("error.review.comment-required");
        proposals.review(id, version(id), Action.REQUEST_REVISION, scores(id, 2), "Budget too high for the area.");
        AsUser.login(users, "partner.halo");
        var detail = proposals.get(id);
        assertThat(detail.status()).isEqualTo("REVISION_REQUESTED");
        assertThat(detail.reviews()).singleElement().extracting(Views.ReviewView::comment).isEqualTo("Budget too high for the area.");
        assertThat(detail.timeline()).last().extracting(Views.TransitionView::comment).isEqualTo("Budget too high for the area.");
        ProposalInput revised = proposals.input(id);
        revised.setRequirementsUsd(new BigDecimal("800000"));
        revised.setBudgetLines(List.of(new ProposalInput.BudgetLine("Staff", new BigDecimal("800000"))));
        proposals.update(id, revised);
        as("partner.halo", id, Action.SUBMIT);
        as("lead.ukraine", id, Action.START_REVIEW);
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.REJECT, scores(id, 1), null))
                .hasMessage("error.review.comment-required");
        proposals.review(id, version(id), Action.REJECT, scores(id, 1), "Overlaps with the national operator.");
        assertThat(proposals.get(id).reviews()).extracting(Views.ReviewView::round).containsExactly(2, 1);
        assertThat(status(id)).isEqualTo("REJECTED");
    }

    @Test
    void scores_must_cover_every_criterion_within_its_range() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        as("lead.ukraine", id, Action.START_REVIEW);
        Map<Long, Integer> missing = new java.util.HashMap<>(scores(id, 3));
        missing.remove(missing.keySet().iterator().next());
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.APPROVE, missing, null)).hasMessage("error.review.score-missing");
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.APPROVE, scores(id, 6), null)).hasMessage("error.review.score-range");
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        assertThat(db.fetchCount(db.selectFrom("review").where("proposal_id = ?", id))).isZero();
    }

    @Test
    void a_state_that_does_not_allow_the_action_is_refused() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.SUBMIT, null)).hasMessage("error.proposal.transition");
        assertThatThrownBy(() -> proposals.update(id, proposals.input(id))).hasMessage("error.proposal.not-editable");
    }

    @Test
    void the_second_of_two_concurrent_saves_is_refused_and_the_first_is_kept() {
        long id = draft();
        ProposalInput mine = proposals.input(id);
        ProposalInput theirs = proposals.input(id);
        theirs.setTitle("Their title, saved first");
        proposals.update(id, theirs);
        mine.setTitle("My title, saved second");
        assertThatThrownBy(() -> proposals.update(id, mine)).isInstanceOf(ConcurrentEditException.class);
        assertThat(proposals.get(id).title()).isEqualTo("Their title, saved first");
        assertThat(mine.getTitle()).isEqualTo("My title, saved second"); // the input is kept for the user
        // a workflow action on a stale version is refused as well
        long stale = version(id) - 1;
        assertThatThrownBy(() -> proposals.act(id, stale, Action.SUBMIT, null)).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void budget_lines_must_add_up_to_the_requirements_and_nothing_is_written_otherwise() {
        AsUser.login(users, "partner.halo");
        int before = db.fetchCount(db.selectFrom("proposal"));
        ProposalInput in = valid(halo);
        in.setBudgetLines(List.of(new ProposalInput.BudgetLine("Staff", new BigDecimal("600000")),
                new ProposalInput.BudgetLine("Equipment", new BigDecimal("399999.99"))));
        assertThatThrownBy(() -> proposals.create(in)).isInstanceOfSatisfying(ProposalValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.key()).isEqualTo("error.proposal.budget-sum");
                    assertThat(err.args()).containsExactly("999999.99", "1000000");
                }));
        assertThat(db.fetchCount(db.selectFrom("proposal"))).isEqualTo(before);
    }

    @Test
    void every_problem_of_a_bad_input_is_reported_at_once() {
        AsUser.login(users, "partner.halo");
        ProposalInput in = valid(halo);
        in.setTitle("x");
        in.setActivities(Set.of());
        in.setAdminAreaIds(Set.of());
        in.setEndDate(LocalDate.of(2025, 1, 1));
        in.setGirls(-1);
        assertThatThrownBy(() -> proposals.create(in)).isInstanceOfSatisfying(ProposalValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::key).containsExactlyInAnyOrder("error.proposal.title",
                        "error.proposal.activities", "error.proposal.locations", "error.proposal.dates-order", "error.proposal.targets"));
        // another organisation's proposal cannot be entered by a partner, nor a location outside the plan's country
        ProposalInput other = valid(db.fetchOne("SELECT organisation_id FROM organisation WHERE acronym = 'MAG'").get(0, Long.class));
        other.setAdminAreaIds(Set.of(db.fetchOne("SELECT admin_area_id FROM admin_area WHERE iso3 = 'YEM' AND level = 1 LIMIT 1").get(0, Long.class)));
        assertThatThrownBy(() -> proposals.create(other)).isInstanceOfSatisfying(ProposalValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::key).containsExactlyInAnyOrder("error.proposal.organisation",
                        "error.proposal.locations-country"));
    }

    @Test
    void a_drawn_polygon_must_be_valid_and_inside_the_country() throws Exception {
        AsUser.login(users, "partner.halo");
        WKTReader wkt = new WKTReader();
        ProposalInput bowtie = valid(halo);
        bowtie.setPolygon(wkt.read("POLYGON((30.4 50.4, 30.6 50.5, 30.6 50.4, 30.4 50.5, 30.4 50.4))"));
        assertThatThrownBy(() -> proposals.create(bowtie)).isInstanceOfSatisfying(ProposalValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::key).containsExactly("error.proposal.polygon-invalid"));
        ProposalInput far = valid(halo);
        far.setPolygon(wkt.read("POLYGON((2 48, 3 48, 3 49, 2 49, 2 48))"));
        assertThatThrownBy(() -> proposals.create(far)).isInstanceOfSatisfying(ProposalValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::key).containsExactly("error.proposal.polygon-outside"));
        ProposalInput drawn = valid(halo);
        drawn.setAdminAreaIds(Set.of());
        drawn.setPolygon(wkt.read("POLYGON((30.4 50.4, 30.6 50.4, 30.6 50.5, 30.4 50.5, 30.4 50.4))"));
        long id = proposals.create(drawn);
        assertThat(proposals.get(id).hasPolygon()).isTrue();
        assertThat(db.fetchOne("SELECT ST_Area(footprint::geography) / 1e6 FROM proposal WHERE proposal_id = ?", id).get(0, Double.class))
                .isBetween(150.0, 170.0); // 0.2° x 0.1° at 50.45° N
    }

    @Test
    void a_never_submitted_draft_is_removed_but_a_submitted_proposal_is_only_marked_deleted() {
        long draft = draft();
        proposals.delete(draft, version(draft));
        assertThat(db.fetchCount(db.selectFrom("proposal").where("proposal_id = ?", draft))).isZero();

        long submitted = proposals.create(valid(halo));
        as("partner.halo", submitted, Action.SUBMIT);
        assertThatThrownBy(() -> proposals.delete(submitted, version(submitted))).hasMessage("error.proposal.not-deletable");
        as("partner.halo", submitted, Action.WITHDRAW);
        proposals.delete(submitted, version(submitted));
        assertThat(db.fetchOne("SELECT deleted_at IS NOT NULL FROM proposal WHERE proposal_id = ?", submitted).get(0, Boolean.class)).isTrue();
        assertThat(proposals.list(ProposalService.Filter.ALL)).extracting(Views.ProposalRow::id).doesNotContain(submitted);
        assertThatThrownBy(() -> proposals.get(submitted)).hasMessage("error.not-found");
        assertThat(db.fetchOne("SELECT to_status FROM proposal_transition WHERE proposal_id = ? ORDER BY proposal_transition_id DESC LIMIT 1",
                submitted).get(0, String.class)).isEqualTo("DELETED");
    }

    @Test
    void submitting_warns_of_another_organisations_overlapping_proposal_with_the_same_activity() {
        AsUser.login(users, "coordinator");
        long mag = db.fetchOne("SELECT organisation_id FROM organisation WHERE acronym = 'MAG'").get(0, Long.class);
        ProposalInput theirs = valid(mag);
        theirs.setAdminAreaIds(Set.of(areas.get(0), areas.get(1)));
        long other = proposals.create(theirs);
        long id = draft();
        AsUser.login(users, "coordinator");
        assertThat(proposals.conflicts(id)).as("another organisation's draft is private: no warning yet").isEmpty();
        proposals.act(other, version(other), Action.SUBMIT, null);
        AsUser.login(users, "partner.halo");
        var conflicts = proposals.conflicts(id);
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.proposalId()).isEqualTo(other);
            assertThat(c.organisation()).isEqualTo("MAG");
            assertThat(c.activities()).containsExactly("SURVEY_CLEARANCE");
            assertThat(c.overlapKm2()).isPositive();
            assertThat(c.adminAreaIds()).containsExactly(areas.get(0));
        });
        // the reviewer sees the same warning
        as("partner.halo", id, Action.SUBMIT);
        AsUser.login(users, "lead.ukraine");
        assertThat(proposals.conflicts(id)).extracting(Views.Conflict::proposalId).containsExactly(other);
    }

    @Test
    void lists_follow_the_scope_of_each_role() {
        long id = draft();
        AsUser.login(users, "partner.halo");
        assertThat(proposals.list(ProposalService.Filter.ALL)).allSatisfy(r ->
                assertThat(r.organisation().equals("HALO") || Workflow.PUBLIC.contains(r.status())).isTrue());
        AsUser.login(users, "donor");
        assertThat(proposals.list(ProposalService.Filter.ALL)).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isIn("PUBLISHED", "CLOSED"));
        AsUser.login(users, "lead.ukraine");
        var drafts = proposals.list(new ProposalService.Filter(2026, null, null, null, "DRAFT", null, null));
        assertThat(drafts).extracting(Views.ProposalRow::id).contains(id);
        assertThat(drafts).allSatisfy(r -> assertThat(r.subcluster()).containsIgnoringCase("Ukraine"));
        var byText = proposals.list(new ProposalService.Filter(null, null, null, null, null, "SURVEY_CLEARANCE", "farmland near"));
        assertThat(byText).extracting(Views.ProposalRow::id).containsExactly(id);
    }

    @Test
    void the_lead_appoints_the_review_committee_of_their_plans_and_an_appointee_may_then_review() {
        long id = draft();
        as("partner.halo", id, Action.SUBMIT);
        AsUser.login(users, "lead.yemen");
        assertThatThrownBy(() -> committee.appoint(plan, "coordinator")).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> proposals.act(id, version(id), Action.START_REVIEW, null)).hasMessage("error.not-found");
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> committee.appoint(plan, "donor")).hasMessage("error.review-committee.donor");
        assertThatThrownBy(() -> committee.appoint(plan, "nobody")).hasMessage("error.review-committee.user");
        committee.appoint(plan, "lead.yemen");
        assertThatThrownBy(() -> committee.appoint(plan, "lead.yemen")).hasMessage("error.review-committee.already");
        long otherDraft = db.fetchOne("SELECT proposal_id FROM proposal WHERE response_plan_id = ? AND status = 'DRAFT' AND proposal_id <> ? LIMIT 1",
                plan, id).get(0, Long.class);
        AsUser.login(users, "lead.yemen");
        assertThatThrownBy(() -> proposals.get(otherDraft)).as("an appointed reviewer never sees drafts").hasMessage("error.not-found");
        AsUser.login(users, "lead.ukraine");
        assertThat(committee.reviewers(plan)).extracting(ReviewCommittee.Reviewer::username).contains("lead.yemen", "lead.ukraine");
        as("lead.yemen", id, Action.START_REVIEW);
        assertThat(status(id)).isEqualTo("UNDER_REVIEW");
        AsUser.login(users, "lead.ukraine");
        long yemenUser = db.fetchOne("SELECT app_user_id FROM app_user WHERE username = 'lead.yemen'").get(0, Long.class);
        committee.remove(plan, yemenUser);
        AsUser.login(users, "lead.yemen");
        assertThatThrownBy(() -> proposals.review(id, version(id), Action.APPROVE, scores(id, 4), null)).hasMessage("error.not-found");
    }
}
