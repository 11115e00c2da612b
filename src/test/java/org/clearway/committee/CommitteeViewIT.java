package org.clearway.committee;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDate;
import org.clearway.committee.ui.CommitteeView;
import org.clearway.test.AsUser;
import org.clearway.test.TestDatabaseInitializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/** The committee page lists the observations recorded per meeting and offers them as CSV and XLSX. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class CommitteeViewIT extends SpringBrowserlessTest {

    @Autowired
    CommitteeService committee;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void cleanUp() {
        db.execute("DELETE FROM observation WHERE text LIKE 'View test:%'");
        db.execute("DELETE FROM meeting WHERE name = 'View test meeting'");
        AsUser.logout();
    }

    @Test
    void observations_are_listed_by_meeting_with_their_exports() {
        AsUser.login(users, "coordinator");
        long meeting = committee.addMeeting("INTERSESSIONAL", "View test meeting", LocalDate.of(2026, 6, 17), null, "Geneva", "https://example.org");
        committee.addObservation(meeting, "CONCLUSION", "View test: costed plans improved.", "https://example.org");
        navigate(CommitteeView.class);
        @SuppressWarnings("unchecked")
        Grid<CommitteeService.Observation> grid = $(Grid.class).id("committee-observations");
        assertThat(test(grid).size()).isPositive();
        assertThat(test(grid).getRow(0).text()).isEqualTo("View test: costed plans improved.");
        assertThat($(Anchor.class).id("observations-csv").getText()).isEqualTo("Export CSV (HXL)");
        assertThat($(Anchor.class).id("observations-xlsx")).isNotNull();
        assertThat($(Anchor.class).id("committee-terms-csv").getText()).isEqualTo("Export CSV (HXL)");
        assertThat($(Anchor.class).id("committee-terms-xlsx")).isNotNull();
    }
}
