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
}
