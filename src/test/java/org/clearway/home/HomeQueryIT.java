package org.clearway.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.clearway.home.query.HomeFigures;
import org.clearway.home.query.HomeQuery;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Home figures follow the user's scope; the expected values are computed here by independent SQL. */
@ClearwayTest
class HomeQueryIT {

    @Autowired
    HomeQuery query;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    private int proposals(String where) {
        return ((Number) db.fetchValue("""
                SELECT count(*) FROM proposal p JOIN response_plan rp USING (response_plan_id)
                JOIN organisation o ON o.organisation_id = p.organisation_id
                JOIN subcluster s ON s.subcluster_id = p.subcluster_id
                WHERE rp.year = 2026 AND p.deleted_at IS NULL AND p.status NOT IN ('REJECTED', 'WITHDRAWN') AND\s""" + where)).intValue();
    }

    @Test
    void a_global_coordinator_sees_every_proposal_of_the_plan_year() {
        AsUser.login(users, "coordinator");
        HomeFigures f = query.figures();
        assertThat(f.planYear()).isEqualTo(2026);
        assertThat(f.proposals()).isEqualTo(proposals("true"));
        assertThat(f.subclusters()).isEqualTo(19);
        assertThat(f.synthetic()).isTrue();
        assertThat(f.apmbcParties()).isEqualTo(161);
    }

    @Test
    void a_donor_sees_published_proposals_only() {
        AsUser.login(users, "donor");
        assertThat(query.figures().proposals()).isEqualTo(proposals("p.status IN ('PUBLISHED', 'CLOSED')"))
                .isLessThan(proposals("true"));
    }

    @Test
    void a_partner_sees_their_organisation_and_a_lead_their_subcluster() {
        AsUser.login(users, "partner.halo");
        assertThat(query.figures().proposals()).isEqualTo(proposals("o.acronym = 'HALO'")).isGreaterThan(0);
        AsUser.login(users, "lead.yemen");
        HomeFigures yemen = query.figures();
        assertThat(yemen.proposals()).isEqualTo(proposals("s.iso3 = 'YEM'"));
        assertThat(yemen.subclusters()).isEqualTo(1);
        assertThat(yemen.hazards()).isEqualTo(((Number) db.fetchValue(
                "SELECT count(*) FROM hazard WHERE iso3 = 'YEM' AND status <> 'RELEASED'")).longValue());
    }

    @Test
    void percent_funded_is_funding_over_requirements() {
        HomeFigures f = new HomeFigures(2026, 1, 1, new BigDecimal("200"), new BigDecimal("50"), 0, BigDecimal.ZERO, 2025, 0, 0,
                null, null, false);
        assertThat(f.percentFunded()).isEqualByComparingTo("25.0");
        HomeFigures none = new HomeFigures(2026, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, 2025, 0, 0, null, null, false);
        assertThat(none.percentFunded()).isEqualByComparingTo("0");
    }
}
