package org.clearway.treaty;

import java.time.LocalDate;

/** A state's status in one treaty, as recorded, with where it comes from. */
public record TreatyFact(long id, long version, String treaty, String treatyName, String status, LocalDate date, String note,
                         String source, LocalDate asOf) {
}
