package org.clearway.committee;

/** A member's term on the committee, with the composition flags the rules need. */
public record Term(long id, String iso3, String state, int yearFrom, int yearTo, boolean affectedState, boolean assistanceProvider,
                   boolean inferred, String source) {

    public boolean servesIn(int year) {
        return year >= yearFrom && year <= yearTo;
    }

    /** In the second year of a two-year term (the year a member may chair). */
    public boolean inSecondYear(int year) {
        return yearTo == yearFrom + 1 && year == yearTo;
    }
}
