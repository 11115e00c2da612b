package org.clearway.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clearway.common.AccessRefusedException;
import org.clearway.common.ClearwayException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranking on hand-made data with a known best match: a 2030 EORE request for US$ 1 M over a 1°x1° area;
 * offer FULL covers theme, area, period and amount (score 1.0); HALF covers half the area, half the
 * period and half the amount (0.7); OTHER covers everything but the theme (0.6).
 */
@ClearwayTest
@Transactional
class PartnershipServiceIT {

    @Autowired
    PartnershipService partnerships;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    long request;
    long full;
    long half;
    long other;

    @BeforeEach
    void data() {
        db.execute("INSERT INTO country (iso3, name, source) VALUES ('TSC', 'Testland', 'test')");
        request = db.fetchOne("""
                INSERT INTO partnership_request (iso3, theme, title, amount_sought_usd, period_start, period_end, geom)
                VALUES ('TSC', 'EORE', 'Test request', 1000000, '2030-01-01', '2030-12-31', ST_Multi(ST_MakeEnvelope(10, 0, 11, 1, 4326)))
                RETURNING partnership_request_id""").get(0, Long.class);
        full = offer("FULL", "EORE", 2_000_000, "2029-01-01", "2031-12-31", "ST_MakeEnvelope(9, -1, 12, 2, 4326)");
        half = offer("HALF", "EORE", 500_000, "2030-07-02", "2031-06-30", "ST_MakeEnvelope(10, 0, 11, 0.5, 4326)");
        other = offer("OTHER", "VICTIM_ASSISTANCE", 2_000_000, "2029-01-01", "2031-12-31", "ST_MakeEnvelope(9, -1, 12, 2, 4326)");
    }

    private long offer(String title, String theme, int budget, String from, String to, String geom) {
        long id = db.fetchOne("INSERT INTO partnership_offer (provider_iso3, title, budget_usd, period_start, period_end, geom) "
                + "VALUES ('TSC', ?, ?, ?::date, ?::date, ST_Multi(" + geom + ")) RETURNING partnership_offer_id", title, budget, from, to)
                .get(0, Long.class);
        db.execute("INSERT INTO partnership_offer_theme (partnership_offer_id, theme) VALUES (?, ?)", id, theme);
        return id;
    }

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void offers_are_ranked_by_theme_geography_timing_and_budget() {
        AsUser.login(users, "donor");
        List<Candidate> ranked = partnerships.rank(request);
        assertThat(ranked.get(0).offerId()).isEqualTo(full);
        assertThat(ranked.get(0).score()).isEqualTo(1.0);
        assertThat(ranked.get(1).offerId()).isEqualTo(half);
        assertThat(ranked.get(1).score()).isEqualTo(0.7);
        Candidate otherTheme = ranked.stream().filter(c -> c.offerId() == other).findFirst().orElseThrow();
        assertThat(otherTheme.score()).isEqualTo(0.6);
        assertThat(otherTheme.theme()).isZero();
        assertThat(ranked.get(0).geographyKnown()).isTrue();
    }

    @Test
    void an_offer_without_geographic_focus_is_marked_so_and_scores_the_neutral_half() {
        AsUser.login(users, "coordinator");
        long anywhere = db.fetchOne("INSERT INTO partnership_offer (provider_iso3, title, budget_usd, period_start, period_end) "
                + "VALUES ('TSC', 'ANYWHERE', 2000000, '2029-01-01', '2031-12-31') RETURNING partnership_offer_id").get(0, Long.class);
        db.execute("INSERT INTO partnership_offer_theme (partnership_offer_id, theme) VALUES (?, 'EORE')", anywhere);
        Candidate c = partnerships.rank(request).stream().filter(x -> x.offerId() == anywhere).findFirst().orElseThrow();
        assertThat(c.geographyKnown()).isFalse();
        assertThat(c.geography()).isEqualTo(0.5);
        assertThat(c.score()).isEqualTo(0.875); // 0.4 + 0.25 x 0.5 + 0.2 + 0.15
    }

    @Test
    void the_committee_moves_a_match_to_delivery_and_agreed_support_is_no_longer_available() {
        AsUser.login(users, "lead.ukraine");
        assertThatThrownBy(() -> partnerships.propose(request, full, "r")).isInstanceOf(AccessRefusedException.class);
        AsUser.login(users, "coordinator");
        long match = partnerships.propose(request, full, "best");
        assertThatThrownBy(() -> partnerships.propose(request, full, "again"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.already-matched");
        partnerships.advance(match, 1, "IN_DISCUSSION");
        assertThatThrownBy(() -> partnerships.advance(match, 2, "DELIVERED"))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.transition");
        partnerships.advance(match, 2, "AGREED");
        assertThat(partnerships.rank(request).stream().filter(c -> c.offerId() == full).findFirst().orElseThrow().remainingUsd())
                .isEqualByComparingTo("1000000");
        partnerships.advance(match, 3, "DELIVERED");
        assertThat(partnerships.matches()).filteredOn(m -> m.id() == match).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("DELIVERED"));
        assertThat(db.fetchValue("SELECT count(*) FROM audit_event WHERE entity = 'partnership_match' AND entity_id = ?", Long.toString(match)))
                .isEqualTo(4L);
    }

    @Test
    void requests_and_offers_are_validated_before_anything_is_written() {
        AsUser.login(users, "coordinator");
        long before = db.fetchCount(org.clearway.jooq.Tables.PARTNERSHIP_REQUEST);
        java.time.LocalDate d = java.time.LocalDate.of(2030, 1, 1);
        assertThatThrownBy(() -> partnerships.postRequest("UKR", "EORE", "Risk education", java.math.BigDecimal.TEN, d, d.minusDays(1)))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.period");
        assertThatThrownBy(() -> partnerships.postRequest("UKR", "COOKING", "Risk education", java.math.BigDecimal.TEN, d, d))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.theme");
        assertThatThrownBy(() -> partnerships.postRequest("UKR", "EORE", "Risk education", java.math.BigDecimal.ZERO, d, d))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.amount");
        assertThatThrownBy(() -> partnerships.postRequest("ZZZ", "EORE", "Risk education", java.math.BigDecimal.TEN, d, d))
                .extracting(e -> ((ClearwayException) e).key()).isEqualTo("error.partnership.state");
        assertThat(db.fetchCount(org.clearway.jooq.Tables.PARTNERSHIP_REQUEST)).isEqualTo(before);

        long id = partnerships.postRequest("UKR", "EORE", "Risk education in Kharkiv", new java.math.BigDecimal("250000"), d, d.plusMonths(6));
        assertThat(db.fetchValue("SELECT ST_Equals(r.geom, a.geom) FROM partnership_request r JOIN admin_area a ON a.iso3 = r.iso3 AND a.level = 0 "
                + "WHERE r.partnership_request_id = ?", id)).isEqualTo(true);
        long offer = partnerships.postOffer("NOR", java.util.Set.of("EORE", "VICTIM_ASSISTANCE"), "Norwegian support",
                new java.math.BigDecimal("300000"), d, d.plusYears(1), "UKR");
        assertThat(partnerships.rank(id).getFirst().offerId()).isEqualTo(offer);
        assertThat(partnerships.rank(id).getFirst().score()).isEqualTo(1.0);
    }
}
