package org.clearway.security;

import java.util.Set;

/**
 * What a user may see and change. Services ask it before every read filter and every write;
 * hiding a button in the UI is never the only guard.
 */
public record UserScope(long userId, String username, String displayName, Role role, Long organisationId,
                        Set<Long> subclusterIds) {

    public UserScope {
        subclusterIds = Set.copyOf(subclusterIds);
    }

    /** The scope of background jobs (demo data loading, imports started by the system). */
    public static final UserScope SYSTEM = new UserScope(0, "system", "System", Role.ADMIN, null, Set.of());

    public boolean isGlobal() {
        return role.isGlobal();
    }

    public boolean canWrite() {
        return role != Role.DONOR;
    }

    /** Sub-cluster data (coverage, coordinator, plans, reviews) may be changed by global roles and the sub-cluster's lead. */
    public boolean canManageSubcluster(long subclusterId) {
        return isGlobal() || (role == Role.SUBCLUSTER_LEAD && subclusterIds.contains(subclusterId));
    }

    /** Whether this user sees unpublished (draft, submitted, in review...) appeal data of the given sub-cluster and organisation. */
    public boolean seesUnpublished(long subclusterId, long organisationIdOfRecord) {
        return switch (role) {
            case ADMIN, GLOBAL_COORDINATOR -> true;
            case SUBCLUSTER_LEAD -> subclusterIds.contains(subclusterId);
            case PARTNER -> organisationId != null && organisationId == organisationIdOfRecord;
            case DONOR -> false;
        };
    }
}
