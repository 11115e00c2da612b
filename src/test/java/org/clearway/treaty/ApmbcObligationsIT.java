package org.clearway.treaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** Article 5 deadlines with extensions and Article 7 reports, entered by coordinators with their source. */
@ClearwayTest
@Transactional
class ApmbcObligationsIT {

    @Autowired
    ApmbcObligations obligations;
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
    void a_deadline_is_recorded_then_extended_and_the_current_deadline_follows() {
        AsUser.login(users, "coordinator");
        // Cambodia is an APMBC State Party (treaty_status.csv)
        obligations.setArticle5("KHM", LocalDate.of(2010, 1, 1), null, "https://example.org/test-article5", LocalDate.of(2026, 1, 1), 0);
        long v1 = obligations.article5("KHM").orElseThrow().version();
        assertThatThrownBy(() -> obligations.addExtension("KHM", v1, LocalDate.of(2009, 11, 30), LocalDate.of(2009, 12, 31), "src"))
                .hasMessage("error.article5.extension-not-later");
        obligations.addExtension("KHM", v1, LocalDate.of(2009, 11, 30), LocalDate.of(2020, 1, 1), "Second Review Conference");
        assertThatThrownBy(() -> obligations.addExtension("KHM", v1, LocalDate.of(2019, 11, 29), LocalDate.of(2025, 12, 31), "MSP"))
                .isInstanceOf(ConcurrentEditException.class);
        long v2 = obligations.article5("KHM").orElseThrow().version();
        obligations.addExtension("KHM", v2, LocalDate.of(2019, 11, 29), LocalDate.of(2025, 12, 31), "Fourth Review Conference");
        var a5 = obligations.article5("KHM").orElseThrow();
        assertThat(a5.originalDeadline()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(a5.currentDeadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(a5.extensions()).hasSize(2);
        // correcting the original deadline keeps the last extension as the current one
        obligations.setArticle5("KHM", LocalDate.of(2009, 12, 31), null, "corrected source", LocalDate.of(2026, 2, 1), a5.version());
        assertThat(obligations.article5("KHM").orElseThrow().currentDeadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(treaties.states("Cambodia", null, null)).singleElement()
                .satisfies(s -> assertThat(s.article5Deadline()).isEqualTo(LocalDate.of(2025, 12, 31)));
        assertThat(db.fetchValue("SELECT count(*) FROM audit_event WHERE entity LIKE 'article5%' AND actor = 'coordinator'")).isEqualTo(4L);
    }

    @Test
    void article_7_reports_are_recorded_once_a_year_and_only_for_states_parties_by_coordinators() {
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> obligations.recordArticle7("KHM", 2025, LocalDate.of(2025, 4, 30), "src"))
                .isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "coordinator");
        assertThatThrownBy(() -> obligations.recordArticle7("USA", 2025, LocalDate.of(2025, 4, 30), "src"))
                .hasMessage("error.article5.not-party");
        assertThatThrownBy(() -> obligations.recordArticle7("KHM", 2025, LocalDate.of(2025, 4, 30), " "))
                .hasMessage("error.treaty.source-required");
        obligations.recordArticle7("KHM", 2024, LocalDate.of(2024, 4, 30), "https://example.org/a7-2024");
        obligations.recordArticle7("KHM", 2025, LocalDate.of(2025, 5, 2), "https://example.org/a7-2025");
        obligations.recordArticle7("KHM", 2025, LocalDate.of(2025, 4, 29), "corrected");
        assertThat(obligations.article7("KHM")).extracting(ApmbcObligations.Report::year).containsExactly(2025, 2024);
        assertThat(obligations.article7("KHM").get(0).submittedDate()).isEqualTo(LocalDate.of(2025, 4, 29));
        assertThat(treaties.states("KHM", null, null)).singleElement().satisfies(s -> assertThat(s.lastArticle7Year()).isEqualTo(2025));
    }
}
