package org.clearway.map.query;

import java.math.BigDecimal;

/** Hazardous areas of one admin area that no approved, published or funded survey/clearance proposal covers. */
public record CoverageGap(long adminAreaId, String pcode, String name, String iso3, int hazards, BigDecimal areaKm2) {
}
