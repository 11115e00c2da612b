package org.clearway.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** The committee's published record and rule-checked, audited edits on the real database. */
@ClearwayTest
@Transactional
class CommitteeServiceIT {

    @Autowired
    CommitteeService committee;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void the_seed_record_is_loaded_with_its_sources() {
        AsUser.login(users, "donor");
        assertThat(committee.terms()).anySatisfy(t -> {
            assertThat(t.iso3()).isEqualTo("GBR");
            assertThat(t.yearFrom()).isEqualTo(2019);
            assertThat(t.yearTo()).isEqualTo(2020);
        });
        assertThat(committee.chairs()).containsEntry(2020, "GBR").containsEntry(2021, "COL");
        assertThat(committee.mandate()).filteredOn(m -> m.kind().equals("MANDATE")).hasSize(7);
        assertThat(committee.mandate()).allSatisfy(m -> assertThat(m.source()).contains("apminebanconvention"));
    }

    @Test
    void edits_follow_the_rules_and_are_audited() {
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> committee.addTerm("NOR", 2027, false, true, "src")).isInstanceOf(AccessRefusedException.class);

        AsUser.login(users, "coordinator");
        committee.addTerm("NOR", 2027, false, true, "https://example.org/test");
        committee.addTerm("KHM", 2027, true, false, "https://example.org/test");
        assertThatThrownBy(() -> committee.addTerm("JPN", 2027, false, true, "https://example.org/test"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.committee.overlap");
        assertThatThrownBy(() -> committee.setChair("NOR", 2027, "https://example.org/test"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.committee.chair-second-year");
        committee.setChair("NOR", 2028, "https://example.org/test");
        assertThat(committee.chairs()).containsEntry(2028, "NOR");
        assertThat(db.fetchValue("SELECT count(*) FROM audit_event WHERE entity IN ('committee_term', 'committee_role') AND actor = 'coordinator'"))
                .isEqualTo(3L);
    }

    @Test
    void the_gender_focal_point_is_a_member_of_that_year() {
        AsUser.login(users, "coordinator");
        committee.addTerm("NOR", 2027, false, true, "https://example.org/test");
        assertThatThrownBy(() -> committee.setGenderFocalPoint("KHM", 2027, "https://example.org/test"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.committee.focal-point-member");
        assertThatThrownBy(() -> committee.setGenderFocalPoint("NOR", 2029, "https://example.org/test"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.committee.focal-point-member");
        assertThatThrownBy(() -> committee.setGenderFocalPoint("NOR", 2027, " "))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.treaty.source-required");
        committee.setGenderFocalPoint("NOR", 2027, "https://example.org/test");
        assertThat(committee.genderFocalPoints()).containsEntry(2027, "NOR");
        assertThat(committee.chairs()).doesNotContainKey(2027);
    }

    @Test
    void observations_are_recorded_per_meeting_and_listed_newest_meeting_first() {
        AsUser.login(users, "partner.halo");
        assertThatThrownBy(() -> committee.addMeeting("MSP", "Test MSP", java.time.LocalDate.of(2030, 11, 25), null, "Geneva", "src"))
                .isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "coordinator");
        assertThatThrownBy(() -> committee.addMeeting("MSP", "Bad", java.time.LocalDate.of(2030, 11, 25), java.time.LocalDate.of(2030, 11, 24),
                null, "src")).extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.meeting.dates");
        long msp = committee.addMeeting("MSP", "Test Meeting of the States Parties", java.time.LocalDate.of(2030, 11, 25),
                java.time.LocalDate.of(2030, 11, 29), "Geneva", "https://example.org/msp");
        long intersessional = committee.addMeeting("INTERSESSIONAL", "Test intersessional meetings", java.time.LocalDate.of(2030, 6, 17),
                null, "Geneva", "https://example.org/im");
        committee.addObservation(intersessional, "PRELIMINARY_OBSERVATION", "Test: requests lack costed plans.", "https://example.org/im");
        committee.addObservation(msp, "CONCLUSION", "Test: costed plans improved.", "https://example.org/msp");
        assertThatThrownBy(() -> committee.addObservation(msp, "OPINION", "x", "src"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.observation.kind");
        assertThatThrownBy(() -> committee.addObservation(msp, "CONCLUSION", " ", "src"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.observation.text");
        assertThat(committee.observations()).filteredOn(o -> o.text().startsWith("Test:"))
                .extracting(CommitteeService.Observation::kind).containsExactly("CONCLUSION", "PRELIMINARY_OBSERVATION");
        assertThat(db.fetchValue("SELECT count(*) FROM audit_event WHERE entity IN ('meeting', 'observation') AND actor = 'coordinator'"))
                .isEqualTo(4L);
    }
}
