package org.clearway.map.query;

import java.math.BigDecimal;

/** Two proposals of different organisations with the same activity whose locations overlap in the same plan year. */
public record Overlap(long proposalA, String codeA, String organisationA, long proposalB, String codeB, String organisationB,
                      String activity, BigDecimal overlapKm2) {
}
