package org.clearway.appeal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Read models of the appeal screens (records only; the service fills them from SQL). */
public final class Views {

    private Views() {
    }

    public record Option(long id, String label) implements Serializable {
    }

    /** A response plan a proposal can be entered for, with the sub-cluster that vets it. */
    public record PlanOption(long id, String code, String name, int year, String iso3, long subclusterId, String subcluster)
            implements Serializable {
    }

    public record AreaOption(long id, String pcode, String name) implements Serializable {
    }

    public record ProposalRow(long id, String code, String title, String organisation, String subcluster, String planCode, int year,
                              String status, List<String> activities, BigDecimal requirementsUsd, BigDecimal fundedUsd,
                              int peopleTargeted, OffsetDateTime updatedAt, boolean synthetic) implements Serializable {

        public BigDecimal gapUsd() {
            return requirementsUsd.subtract(fundedUsd).max(BigDecimal.ZERO);
        }
    }

    public record ReviewView(long id, String reviewer, int round, String decision, String comment, OffsetDateTime at,
                             Map<String, Integer> scores) implements Serializable {
    }

    public record TransitionView(String from, String to, String actor, String comment, OffsetDateTime at) implements Serializable {
    }

    public record FlowView(long id, String source, String destination, String proposalCode, Long proposalId, BigDecimal amountUsd,
                           LocalDate date, String status, String ftsFlowId, String description, long version, boolean synthetic)
            implements Serializable {
    }

    public record Criterion(long id, String code, int maxScore) implements Serializable {
    }

    /** Another organisation's proposal in the same plan with a shared activity whose locations overlap. */
    public record Conflict(long proposalId, String code, String organisation, List<String> activities, BigDecimal overlapKm2,
                           List<Long> adminAreaIds, List<String> adminAreas) implements Serializable {
    }

    public record Detail(long id, long version, String code, String title, String description, long planId, String planCode,
                         String planName, int year, String iso3, long subclusterId, String subcluster, long organisationId,
                         String organisation, String status, List<String> activities, BigDecimal requirementsUsd,
                         BigDecimal fundedUsd, BigDecimal pledgedUsd, List<ProposalInput.BudgetLine> budget, int girls, int boys,
                         int women, int men, int olderPersons, int personsWithDisabilities, Integer gamCode, LocalDate startDate,
                         LocalDate endDate, List<AreaOption> locations, boolean hasPolygon, double[] extent, boolean synthetic,
                         boolean deleted, List<ReviewView> reviews, List<TransitionView> timeline, List<FlowView> flows,
                         List<Workflow.Action> actions, boolean editable, boolean deletable, boolean reviewer) implements Serializable {

        public BigDecimal gapUsd() {
            return requirementsUsd.subtract(fundedUsd).max(BigDecimal.ZERO);
        }

        public int peopleTargeted() {
            return girls + boys + women + men + olderPersons;
        }
    }
}
