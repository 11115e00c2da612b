package org.clearway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.text.NumberFormat;
import java.time.Year;
import java.util.Locale;
import org.clearway.dashboard.ui.DonorDashboardView;
import org.clearway.dashboard.ui.SubclusterDashboardView;
import org.clearway.test.AsUser;
import org.clearway.test.TestDatabaseInitializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/** Browserless (server-side) view tests: what a donor and a lead get from the dashboard views. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DashboardViewsIT extends SpringBrowserlessTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    private long count(String statuses) {
        return ((Number) db.fetchValue("""
                SELECT count(*) FROM proposal p JOIN response_plan rp USING (response_plan_id)
                WHERE rp.year = ? AND p.deleted_at IS NULL AND p.status IN (""" + statuses + ")", Year.now().getValue() - 1)).longValue();
    }

    @Test
    void a_donor_sees_published_figures_and_no_draft() {
        AsUser.login(users, "donor");
        navigate(DonorDashboardView.class);
        Div proposals = $(Div.class).id("kf-proposals");
        String shown = proposals.getElement().getChild(0).getText();
        long published = count("'PUBLISHED', 'CLOSED'");
        assertThat(shown).isEqualTo(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(published));
        assertThat(count("'PUBLISHED', 'CLOSED', 'APPROVED', 'DRAFT', 'SUBMITTED'")).as("there are unpublished ones to hide")
                .isGreaterThan(published);
    }

    @Test
    void a_lead_cannot_open_another_subclusters_dashboard_but_opens_their_own() {
        AsUser.login(users, "lead.yemen");
        long ukraine = ((Number) db.fetchValue("SELECT subcluster_id FROM subcluster WHERE iso3 = 'UKR'")).longValue();
        long yemen = ((Number) db.fetchValue("SELECT subcluster_id FROM subcluster WHERE iso3 = 'YEM'")).longValue();
        navigate("dashboard/" + ukraine, SubclusterDashboardView.class);
        assertThat($(H2.class).first().getText()).contains("outside your scope");
        assertThat($(Grid.class).all()).isEmpty();

        navigate("dashboard/" + yemen, SubclusterDashboardView.class);
        assertThat($(H2.class).id("subcluster-dashboard-title").getText()).startsWith("Yemen");
        assertThat($(Grid.class).id("five-w")).isNotNull();
    }
}
