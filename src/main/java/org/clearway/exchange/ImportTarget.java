package org.clearway.exchange;

import java.io.Serializable;
import java.util.List;

/** What an import can load, with the fields each needs (mapped from the file's attributes or set to one value). */
public enum ImportTarget {

    HAZARDS(Shape.POLYGONS, List.of(
            new Field("hazard_type", true, List.of("SHA", "CHA"), null),
            new Field("contamination_type", true, List.of("AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "UXO", "AXO", "IED", "MIXED"), null),
            new Field("status", true, List.of("ACTIVE", "PARTIALLY_RELEASED", "RELEASED"), "ACTIVE"),
            new Field("name", false, null, null),
            new Field("external_ref", false, null, null),
            new Field("recorded_date", false, null, null),
            new Field("source", true, null, null))),
    CASUALTIES(Shape.POINTS, List.of(
            new Field("incident_date", true, null, null),
            new Field("outcome", true, List.of("KILLED", "INJURED"), null),
            new Field("sex", false, List.of("FEMALE", "MALE", "UNKNOWN"), "UNKNOWN"),
            new Field("age_group", false, List.of("CHILD", "ADULT", "OLDER", "UNKNOWN"), "UNKNOWN"),
            new Field("device_type", false, List.of("AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "UXO", "AXO", "IED", "UNKNOWN"), "UNKNOWN"),
            new Field("civilian", false, List.of("TRUE", "FALSE"), null),
            new Field("source", true, null, null))),
    ADMIN_AREAS(Shape.POLYGONS, List.of(
            new Field("pcode", true, null, null),
            new Field("name", true, null, null),
            new Field("iso3", true, null, null),
            new Field("source", true, null, null))),
    /** Locations of appeal proposals: the proposal's code, and the admin-1 areas of a P-code, a point or a shape. */
    PROPOSAL_LOCATIONS(Shape.ANY, List.of(
            new Field("proposal_code", true, null, null)));

    /** What geometry a row must have: polygons (kept as MultiPolygon), points, or any (only the admin-1 areas it covers are kept). */
    public enum Shape {
        POLYGONS, POINTS, ANY
    }

    /** A field of the target: required or not, the values it allows (upper-cased), a default. */
    public record Field(String name, boolean required, List<String> allowed, String defaultValue) implements Serializable {
    }

    private final Shape shape;
    private final List<Field> fields;

    ImportTarget(Shape shape, List<Field> fields) {
        this.shape = shape;
        this.fields = fields;
    }

    public Shape shape() {
        return shape;
    }

    public boolean points() {
        return shape == Shape.POINTS;
    }

    public List<Field> fields() {
        return fields;
    }
}
