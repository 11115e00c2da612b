package org.clearway.appeal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * What the proposal form edits. Mutable on purpose: the form binds to it, and a refused save keeps it
 * (the user's input is never lost). {@code version} is the version the user started from.
 */
public class ProposalInput implements Serializable {

    /** One budget line; lines must add up to the requirements. */
    public static class BudgetLine implements Serializable {
        private String description;
        private BigDecimal amountUsd;

        public BudgetLine() {
        }

        public BudgetLine(String description, BigDecimal amountUsd) {
            this.description = description;
            this.amountUsd = amountUsd;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public BigDecimal getAmountUsd() {
            return amountUsd;
        }

        public void setAmountUsd(BigDecimal amountUsd) {
            this.amountUsd = amountUsd;
        }
    }

    private Long responsePlanId;
    private Long organisationId;
    private String title;
    private String description;
    private Set<String> activities = new LinkedHashSet<>();
    private BigDecimal requirementsUsd;
    private List<BudgetLine> budgetLines = new ArrayList<>();
    private Integer girls = 0;
    private Integer boys = 0;
    private Integer women = 0;
    private Integer men = 0;
    private Integer olderPersons = 0;
    private Integer personsWithDisabilities = 0;
    private Integer gamCode;
    private LocalDate startDate;
    private LocalDate endDate;
    private Set<Long> adminAreaIds = new LinkedHashSet<>();
    private transient Geometry polygon;
    private long version;

    public Long getResponsePlanId() {
        return responsePlanId;
    }

    public void setResponsePlanId(Long responsePlanId) {
        this.responsePlanId = responsePlanId;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Set<String> getActivities() {
        return activities;
    }

    public void setActivities(Set<String> activities) {
        this.activities = activities == null ? new LinkedHashSet<>() : new LinkedHashSet<>(activities);
    }

    public BigDecimal getRequirementsUsd() {
        return requirementsUsd;
    }

    public void setRequirementsUsd(BigDecimal requirementsUsd) {
        this.requirementsUsd = requirementsUsd;
    }

    public List<BudgetLine> getBudgetLines() {
        return budgetLines;
    }

    public void setBudgetLines(List<BudgetLine> budgetLines) {
        this.budgetLines = budgetLines == null ? new ArrayList<>() : new ArrayList<>(budgetLines);
    }

    public Integer getGirls() {
        return girls;
    }

    public void setGirls(Integer girls) {
        this.girls = girls;
    }

    public Integer getBoys() {
        return boys;
    }

    public void setBoys(Integer boys) {
        this.boys = boys;
    }

    public Integer getWomen() {
        return women;
    }

    public void setWomen(Integer women) {
        this.women = women;
    }

    public Integer getMen() {
        return men;
    }

    public void setMen(Integer men) {
        this.men = men;
    }

    public Integer getOlderPersons() {
        return olderPersons;
    }

    public void setOlderPersons(Integer olderPersons) {
        this.olderPersons = olderPersons;
    }

    public Integer getPersonsWithDisabilities() {
        return personsWithDisabilities;
    }

    public void setPersonsWithDisabilities(Integer personsWithDisabilities) {
        this.personsWithDisabilities = personsWithDisabilities;
    }

    public Integer getGamCode() {
        return gamCode;
    }

    public void setGamCode(Integer gamCode) {
        this.gamCode = gamCode;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Set<Long> getAdminAreaIds() {
        return adminAreaIds;
    }

    public void setAdminAreaIds(Set<Long> adminAreaIds) {
        this.adminAreaIds = adminAreaIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(adminAreaIds);
    }

    public Geometry getPolygon() {
        return polygon;
    }

    public void setPolygon(Geometry polygon) {
        this.polygon = polygon;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
