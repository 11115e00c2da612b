package org.clearway.treaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** Treaty facts: read by all, filtered and counted; corrected only by global roles, with a source, audited. */
@ClearwayTest
@Transactional
class TreatyServiceIT {

    @Autowired
    TreatyService treaties;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void states_are_filtered_by_name_and_by_status_and_counts_match_the_sources() {
        AsUser.login(users, "donor");
        assertThat(treaties.states("ukr", null, null)).extracting(StateStatus::iso3).containsExactly("UKR");
        assertThat(treaties.states("", "APMBC", "WITHDRAWN")).extracting(StateStatus::iso3)
                .containsExactlyInAnyOrder("EST", "FIN", "LVA", "LTU", "POL");
        assertThat(treaties.states("United States", null, null)).singleElement()
                .satisfies(s -> assertThat(s.status("APMBC")).isEqualTo("NOT_PARTY"));
        // shared/data/README.md: CCM 112 parties and 12 signatories as at 2026-02-03
        assertThat(treaties.count("CCM", "PARTY")).isEqualTo(112);
        assertThat(treaties.count("CCM", "SIGNATORY")).isEqualTo(12);
        StateProfile ukraine = treaties.profile("UKR").orElseThrow();
        assertThat(ukraine.facts()).extracting(TreatyFact::treaty).contains("APMBC", "CCW", "CRPD");
        assertThat(ukraine.facts()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
        assertThat(ukraine.subclusterId()).isNotNull();
        assertThat(ukraine.hazards()).isGreaterThan(0);
        assertThat(treaties.profile("ZZZ")).isEmpty();
    }

    @Test
    void only_global_roles_correct_a_fact_with_a_source_and_the_change_is_audited() {
        AsUser.login(users, "coordinator");
        TreatyFact apmbc = treaties.profile("UKR").orElseThrow().facts().stream().filter(f -> f.treaty().equals("APMBC")).findFirst().orElseThrow();
        assertThatThrownBy(() -> treaties.correct(apmbc.id(), apmbc.version(), "WITHDRAWN", null, null, " ", LocalDate.now()))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.treaty.source-required");
        assertThatThrownBy(() -> treaties.correct(apmbc.id(), apmbc.version(), "MAYBE", null, null, "x", LocalDate.now()))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.treaty.status");

        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> treaties.correct(apmbc.id(), apmbc.version(), "WITHDRAWN", null, null, "src", LocalDate.now()))
                .isInstanceOf(AccessRefusedException.class);

        AsUser.login(users, "coordinator");
        treaties.correct(apmbc.id(), apmbc.version(), "WITHDRAWAL_ANNOUNCED", LocalDate.of(2025, 6, 29), "test correction",
                "https://example.org/test-source", LocalDate.now());
        TreatyFact after = treaties.profile("UKR").orElseThrow().facts().stream().filter(f -> f.treaty().equals("APMBC")).findFirst().orElseThrow();
        assertThat(after.note()).isEqualTo("test correction");
        assertThat(after.source()).isEqualTo("https://example.org/test-source");
        assertThat(db.fetchValue("SELECT actor FROM audit_event WHERE entity = 'treaty_status' AND entity_id = ? ORDER BY audit_event_id DESC LIMIT 1",
                Long.toString(apmbc.id()))).isEqualTo("coordinator");
        assertThatThrownBy(() -> treaties.correct(apmbc.id(), apmbc.version(), "PARTY", null, null, "s", LocalDate.now()))
                .isInstanceOf(ConcurrentEditException.class);
    }
}
