package org.clearway.exchange;

import java.io.Serializable;
import java.util.List;

/** What an import can load, with the fields each needs (mapped from the file's attributes or set to one value). */
public enum ImportTarget {

    HAZARDS(false, List.of(
            new Field("hazard_type", true, List.of("SHA", "CHA"), null),
            new Field("contamination_type", true, List.of("AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "UXO", "AXO", "IED", "MIXED"), null),
            new Field("status", true, List.of("ACTIVE", "PARTIALLY_RELEASED", "RELEASED"), "ACTIVE"),
            new Field("name", false, null, null),
            new Field("external_ref", false, null, null),
            new Field("recorded_date", false, null, null),
            new Field("source", true, null, null))),
    CASUALTIES(true, List.of(
            new Field("incident_date", true, null, null),
            new Field("outcome", true, List.of("KILLED", "INJURED"), null),
            new Field("sex", false, List.of("FEMALE", "MALE", "UNKNOWN"), "UNKNOWN"),
            new Field("age_group", false, List.of("CHILD", "ADULT", "OLDER", "UNKNOWN"), "UNKNOWN"),
            new Field("device_type", false, List.of("AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "UXO", "AXO", "IED", "UNKNOWN"), "UNKNOWN"),
            new Field("civilian", false, List.of("TRUE", "FALSE"), null),
            new Field("source", true, null, null))),
    ADMIN_AREAS(false, List.of(
            new Field("pcode", true, null, null),
            new Field("name", true, null, null),
            new Field("iso3", true, null, null),
            new Field("source", true, null, null)));

    /** A field of the target: required or not, the values it allows (upper-cased), a default. */
    public record Field(String name, boolean required, List<String> allowed, String defaultValue) implements Serializable {
    }

    private final boolean points;
    private final List<Field> fields;

    ImportTarget(boolean points, List<Field> fields) {
        this.points = points;
        this.fields = fields;
    }

    public boolean points() {
        return points;
    }

    public List<Field> fields() {
        return fields;
    }
}
