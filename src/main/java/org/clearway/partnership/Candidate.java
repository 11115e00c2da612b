package org.clearway.partnership;

import java.math.BigDecimal;

/**
 * An offer ranked for a request. Components are 0..1: theme (the offer covers the request's theme),
 * geography (share of the request's area the offer's focus covers; 0.5 for offers without a geographic
 * focus, with {@code geographyKnown} false), timing (share of the request's period the offer covers), funding (remaining budget / amount sought).
 */
public record Candidate(long offerId, String provider, String title, BigDecimal remainingUsd, double theme, double geography,
                        double timing, double funding, boolean geographyKnown) {

    public static final double THEME = 0.4;
    public static final double GEOGRAPHY = 0.25;
    public static final double TIMING = 0.2;
    public static final double FUNDING = 0.15;

    public double score() {
        return Math.round((THEME * theme + GEOGRAPHY * geography + TIMING * timing + FUNDING * funding) * 1000) / 1000.0;
    }
}
