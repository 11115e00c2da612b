package org.clearway.dashboard.query;

import java.math.BigDecimal;

/** The small read models of the dashboards. */
public final class Rows {

    private Rows() {
    }

    public record SubclusterFunding(long subclusterId, String country, BigDecimal requirementsUsd, BigDecimal fundedUsd) {
        public BigDecimal gapUsd() {
            return requirementsUsd.subtract(fundedUsd).max(BigDecimal.ZERO);
        }
    }

    public record YearFunding(int year, BigDecimal requirementsUsd, BigDecimal fundedUsd) {
        public BigDecimal percentFunded() {
            return requirementsUsd.signum() == 0 ? BigDecimal.ZERO
                    : fundedUsd.multiply(BigDecimal.valueOf(100)).divide(requirementsUsd, 1, java.math.RoundingMode.HALF_UP);
        }
    }

    public record Count(String key, long count) {
    }

    public record Targeted(long girls, long boys, long women, long men, long olderPersons, long personsWithDisabilities) {
    }

    public record Contamination(String country, String contaminationType, BigDecimal km2) {
    }

    public record CasualtyGroup(int year, String group, long count) {
    }

    public record Flow(String donor, String organisation, String subcluster, BigDecimal amountUsd) {
    }

    public record PartnerFunding(String organisation, BigDecimal requirementsUsd, BigDecimal fundedUsd) {
    }

    public record FiveW(String organisation, String pcode, String adminArea, String activity, int proposals, BigDecimal requirementsUsd,
                        long peopleTargeted) {
    }

    public record QueueItem(long proposalId, String code, String organisation, String status, BigDecimal requirementsUsd) {
    }

    public record Completeness(long proposalId, String code, String organisation, boolean missingLocations, boolean missingTargets) {
    }
}
