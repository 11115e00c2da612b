package org.clearway.treaty;

import java.math.BigDecimal;
import java.util.List;

/** Everything Clearway holds about one state, for its profile page. */
public record StateProfile(String iso3, String name, List<TreatyFact> facts, Long subclusterId, String subclusterName,
                           long hazards, BigDecimal hazardKm2, long casualties, long proposals, boolean synthetic) {
}
