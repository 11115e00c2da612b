package org.clearway.security;

/** The five roles of Clearway. Scope (which sub-clusters, which organisation) comes with the user. */
public enum Role {
    ADMIN,
    GLOBAL_COORDINATOR,
    SUBCLUSTER_LEAD,
    PARTNER,
    DONOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isGlobal() {
        return this == ADMIN || this == GLOBAL_COORDINATOR;
    }
}
