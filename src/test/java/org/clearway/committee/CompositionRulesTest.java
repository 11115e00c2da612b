package org.clearway.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clearway.committee.CompositionRules.Problem;
import org.junit.jupiter.api.Test;

/** Each composition rule of the seed, allowed and refused. */
class CompositionRulesTest {

    private static Term term(String iso3, int from, boolean affected, boolean provider) {
        return new Term(0, iso3, iso3, from, from + 1, affected, provider, false, "test");
    }

    // 2030: A (affected) and B (provider) in their second year; C and D start in 2030
    private static final List<Term> TERMS = List.of(term("AAA", 2029, true, false), term("BBB", 2029, false, true),
            term("CCC", 2030, false, false));

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void a_fourth_member_starting_with_the_second_pair_is_accepted() {
        assertThat(CompositionRules.checkNewTerm(TERMS, term("DDD", 2030, false, false))).isEmpty();
    }

    @Test
    void a_term_must_last_two_years() {
        Term oneYear = new Term(0, "DDD", "DDD", 2030, 2030, false, false, false, "t");
        assertThat(keys(CompositionRules.checkNewTerm(TERMS, oneYear))).contains("error.committee.two-year-term");
    }

    @Test
    void no_more_than_four_members_and_no_third_start_in_a_year() {
        List<Term> full = List.of(term("AAA", 2029, true, false), term("BBB", 2029, false, true), term("CCC", 2030, false, false),
                term("DDD", 2030, false, false));
        assertThat(keys(CompositionRules.checkNewTerm(full, term("EEE", 2030, false, false))))
                .contains("error.committee.too-many", "error.committee.overlap");
    }

    @Test
    void a_state_cannot_hold_two_overlapping_terms() {
        assertThat(keys(CompositionRules.checkNewTerm(TERMS, term("CCC", 2031, false, false)))).contains("error.committee.already-member");
    }

    @Test
    void a_full_committee_needs_an_affected_state_and_a_provider() {
        List<Term> noAffected = List.of(term("BBB", 2029, false, true), term("EEE", 2029, false, false), term("CCC", 2030, false, false));
        assertThat(keys(CompositionRules.checkNewTerm(noAffected, term("DDD", 2030, false, false)))).containsExactly("error.committee.no-affected");
        assertThat(CompositionRules.checkNewTerm(noAffected, term("DDD", 2030, true, false))).isEmpty();
        List<Term> noProvider = List.of(term("AAA", 2029, true, false), term("EEE", 2029, false, false), term("CCC", 2030, false, false));
        assertThat(keys(CompositionRules.checkNewTerm(noProvider, term("DDD", 2030, false, false)))).containsExactly("error.committee.no-provider");
    }

    @Test
    void the_chair_is_a_member_in_the_second_year_of_its_term() {
        assertThat(CompositionRules.checkChair(TERMS, Map.of(), "AAA", 2030)).isEmpty();
        assertThat(keys(CompositionRules.checkChair(TERMS, Map.of(), "CCC", 2030))).containsExactly("error.committee.chair-second-year");
        assertThat(keys(CompositionRules.checkChair(TERMS, Map.of(), "ZZZ", 2030))).containsExactly("error.committee.chair-second-year");
        assertThat(CompositionRules.checkChair(TERMS, Map.of(), "CCC", 2031)).isEmpty();
        assertThat(CompositionRules.checkChair(TERMS, Map.of(), "CCC", 2030).getFirst().args()).containsExactly("CCC", "2030");
    }
}
