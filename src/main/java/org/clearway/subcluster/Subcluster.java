package org.clearway.subcluster;

import java.time.LocalDate;

/** A field sub-cluster (country-level mine action coordination group) as lists and forms see it. */
public record Subcluster(long id, long version, String iso3, String countryName, String name, String status,
                         String leadOrganisation, String coLeadOrganisation, String coordinatorName,
                         String coordinatorEmail, LocalDate activeFrom, String source, boolean synthetic) {
}
