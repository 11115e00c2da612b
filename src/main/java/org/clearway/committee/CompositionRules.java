package org.clearway.committee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committee's composition rules from its mandate (seed 000): four States in overlapping two-year
 * terms, including at least one mine-affected State Party and one providing support or assistance; each
 * year's chair is a member in the second year of its term. Checked on the years an edit touches, so
 * partial historical records (as published) do not block corrections elsewhere.
 */
public final class CompositionRules {

    public static final int MEMBERS = 4;

    private CompositionRules() {
    }

    /** Problems (translation keys with arguments) that adding {@code candidate} to {@code terms} would cause. */
    public static List<Problem> checkNewTerm(List<Term> terms, Term candidate) {
        List<Problem> problems = new ArrayList<>();
        if (candidate.yearTo() != candidate.yearFrom() + 1) {
            problems.add(new Problem("error.committee.two-year-term", candidate.yearFrom(), candidate.yearTo()));
        }
        for (int year = candidate.yearFrom(); year <= candidate.yearTo(); year++) {
            final int y = year;
            List<Term> serving = new ArrayList<>(terms.stream().filter(t -> t.servesIn(y)).toList());
            if (serving.stream().anyMatch(t -> t.iso3().equals(candidate.iso3()))) {
                problems.add(new Problem("error.committee.already-member", candidate.state(), y));
                continue;
            }
            serving.add(candidate);
            if (serving.size() > MEMBERS) {
                problems.add(new Problem("error.committee.too-many", y, MEMBERS));
            }
            long starting = serving.stream().filter(t -> t.yearFrom() == y).count();
            if (starting > MEMBERS / 2) {
                problems.add(new Problem("error.committee.overlap", y));
            }
            if (serving.size() == MEMBERS) {
                if (serving.stream().noneMatch(Term::affectedState)) {
                    problems.add(new Problem("error.committee.no-affected", y));
                }
                if (serving.stream().noneMatch(Term::assistanceProvider)) {
                    problems.add(new Problem("error.committee.no-provider", y));
                }
            }
        }
        return problems;
    }

    /** Problems with electing {@code iso3} as the chair of {@code year}. */
    public static List<Problem> checkChair(List<Term> terms, Map<Integer, String> chairs, String iso3, int year) {
        List<Problem> problems = new ArrayList<>();
        boolean eligible = terms.stream().anyMatch(t -> t.iso3().equals(iso3) && t.inSecondYear(year));
        if (!eligible) {
            problems.add(new Problem("error.committee.chair-second-year", iso3, year));
        }
        return problems;
    }

    /** A broken rule: a translation key and its arguments (as text, so years are not formatted as numbers). */
    public record Problem(String key, Object... args) {
        public Problem {
            args = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        }
    }
}
