package org.clearway.map.query;

/** An admin area found by name or P-code, with its extent for zooming to it. */
public record Place(String pcode, String name, String iso3, int level, double minLon, double minLat, double maxLon, double maxLat) {
}
