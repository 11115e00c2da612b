package org.clearway.dashboard.query;

/**
 * Filters that compose: plan year, optionally one sub-cluster and one activity. {@code publishedOnly}
 * restricts appeal figures to published (and closed) proposals, as donors see them.
 */
public record DashboardFilter(int year, Long subclusterId, String activity, boolean publishedOnly) {

    public DashboardFilter withSubcluster(Long id) {
        return new DashboardFilter(year, id, activity, publishedOnly);
    }
}
