package org.clearway.map;

import java.util.Set;

/** A tile filter: its query parameter and how a value is checked and typed before it is bound to SQL. */
public enum TileFilter {
    YEAR("year"),
    SUBCLUSTER("subcluster"),
    COUNTRY("country"),
    STATUS("status", "DRAFT", "SUBMITTED", "UNDER_REVIEW", "REVISION_REQUESTED", "APPROVED", "REJECTED", "PUBLISHED", "CLOSED", "WITHDRAWN"),
    ACTIVITY("activity", "SURVEY_CLEARANCE", "EORE", "VICTIM_ASSISTANCE", "CAPACITY_BUILDING", "ADVOCACY", "COORDINATION"),
    HAZARD_STATUS("status", "ACTIVE", "PARTIALLY_RELEASED", "RELEASED"),
    HAZARD_TYPE("type", "SHA", "CHA"),
    TREATY("treaty", "APMBC", "CCM", "CCW", "CCW_APII", "CCW_PV", "CRPD");

    private final String parameter;
    private final Set<String> allowed;

    TileFilter(String parameter, String... allowed) {
        this.parameter = parameter;
        this.allowed = Set.of(allowed);
    }

    public String parameter() {
        return parameter;
    }

    /** The value to bind (Integer, Long or String), or null when absent; throws for a bad value. */
    Object parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return this == TREATY ? "APMBC" : null;
        }
        String value = raw.strip();
        return switch (this) {
            case YEAR -> {
                int year = parseNumber(value);
                if (year < 1990 || year > 2100) {
                    throw new InvalidTileRequestException("error.tile.filter", parameter, value);
                }
                yield year;
            }
            case SUBCLUSTER -> (long) parseNumber(value);
            case COUNTRY -> {
                if (!value.matches("^[A-Z]{3}$")) {
                    throw new InvalidTileRequestException("error.tile.filter", parameter, value);
                }
                yield value;
            }
            default -> {
                if (!allowed.contains(value)) {
                    throw new InvalidTileRequestException("error.tile.filter", parameter, value);
                }
                yield value;
            }
        };
    }

    private int parseNumber(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidTileRequestException("error.tile.filter", parameter, value);
        }
    }
}
