package org.clearway.home.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Key figures of one user's scope for the home page. */
public record HomeFigures(int planYear, int subclusters, int proposals, BigDecimal requirementsUsd, BigDecimal fundedUsd,
                          long hazards, BigDecimal hazardKm2, int casualtyYear, long casualties, int apmbcParties,
                          LocalDate apmbcAsOf, String apmbcSource, boolean synthetic) {

    /** Funding as a share of requirements, 0-100 (0 when nothing is required). */
    public BigDecimal percentFunded() {
        if (requirementsUsd.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return fundedUsd.multiply(BigDecimal.valueOf(100)).divide(requirementsUsd, 1, java.math.RoundingMode.HALF_UP);
    }
}
