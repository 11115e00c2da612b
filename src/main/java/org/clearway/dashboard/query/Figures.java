package org.clearway.dashboard.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Appeal key figures for a filter. */
public record Figures(int proposals, int partners, BigDecimal requirementsUsd, BigDecimal fundedUsd, long peopleTargeted) {

    public BigDecimal gapUsd() {
        return requirementsUsd.subtract(fundedUsd).max(BigDecimal.ZERO);
    }

    public BigDecimal percentFunded() {
        return requirementsUsd.signum() == 0 ? BigDecimal.ZERO
                : fundedUsd.multiply(BigDecimal.valueOf(100)).divide(requirementsUsd, 1, RoundingMode.HALF_UP);
    }
}
