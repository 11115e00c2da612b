package org.clearway.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.map.CwMap.Layer;
import org.clearway.map.CwMap.Style;

/** Clearway's map layers with their default styles; the legend is drawn from the same colours. */
public final class MapLayers {

    public static final Map<String, String> TREATY_COLOURS = ordered(
            "PARTY", "#4c9a6a", "SIGNATORY", "#a8d08d", "WITHDRAWAL_ANNOUNCED", "#f0ad4e", "WITHDRAWN", "#d9534f", "NOT_PARTY", "#d0d4d9");
    public static final Map<String, String> PROPOSAL_COLOURS = ordered(
            "DRAFT", "rgba(150,150,150,0.45)", "SUBMITTED", "rgba(111,168,220,0.45)", "UNDER_REVIEW", "rgba(61,133,198,0.45)",
            "REVISION_REQUESTED", "rgba(241,194,50,0.5)", "APPROVED", "rgba(106,168,79,0.45)", "PUBLISHED", "rgba(39,118,29,0.5)",
            "CLOSED", "rgba(90,90,90,0.4)", "REJECTED", "rgba(204,0,0,0.35)", "WITHDRAWN", "rgba(120,120,120,0.3)");
    public static final Map<String, String> HAZARD_COLOURS = ordered("SHA", "rgba(246,178,107,0.75)", "CHA", "rgba(204,0,0,0.75)");
    public static final Map<String, String> RELEASE_COLOURS = ordered(
            "CANCELLED", "rgba(147,196,125,0.8)", "REDUCED", "rgba(118,165,175,0.8)", "CLEARED", "rgba(56,118,29,0.85)");
    /** Hazards coloured by what contaminates them (a choice on the map page; by SHA/CHA otherwise). */
    public static final Map<String, String> CONTAMINATION_COLOURS = ordered("AP_MINE", "rgba(204,0,0,0.75)", "AV_MINE", "rgba(127,0,0,0.75)",
            "CLUSTER_MUNITION", "rgba(153,51,153,0.75)", "UXO", "rgba(230,145,56,0.75)", "AXO", "rgba(191,144,0,0.75)",
            "IED", "rgba(0,0,0,0.7)", "MIXED", "rgba(61,133,198,0.75)", "UNKNOWN", "rgba(153,153,153,0.75)");
    public static final Map<String, String> CASUALTY_COLOURS = ordered("KILLED", "#7f0000", "INJURED", "#e06666");
    public static final List<Double> GAP_BREAKS = List.of(1.0, 250_000.0, 1_000_000.0, 3_000_000.0);
    public static final List<String> GAP_COLOURS = List.of("rgba(0,0,0,0)", "#fde0c5", "#facba6", "#f59e72", "#e4572e");
    public static final List<Double> FUNDED_BREAKS = List.of(25.0, 50.0, 75.0, 100.0);
    public static final List<String> FUNDED_COLOURS = List.of("rgba(204,0,0,0.45)", "rgba(230,145,56,0.45)", "rgba(241,194,50,0.45)",
            "rgba(147,196,125,0.5)", "rgba(39,118,29,0.55)");

    private MapLayers() {
    }

    /** The layers, bottom to top, as a new user first sees them. */
    public static List<Layer> defaults() {
        return List.of(
                new Layer("countries", true, 1.0, 0, null, Map.of(), Style.fill("#f4f5f6", "#8c96a0").labelled("name"), true),
                new Layer("admin1", true, 1.0, 1, 4, Map.of(), Style.fill("rgba(0,0,0,0)", "#b8c0c8"), true),
                new Layer("subclusters", true, 1.0, 2, null, Map.of(), Style.line("#1f5fa8", 2), true),
                new Layer("proposals", false, 0.9, 3, null, Map.of(), Style.fill(null, "#555").colouredBy("status", PROPOSAL_COLOURS), true),
                new Layer("hazards", true, 1.0, 4, null, Map.of(), Style.fill(null, "#7f0000").colouredBy("hazard_type", HAZARD_COLOURS), true),
                new Layer("land_release", false, 1.0, 5, null, Map.of(), Style.fill(null, "#274e13").colouredBy("method", RELEASE_COLOURS), true),
                new Layer("casualties", false, 1.0, 6, null, Map.of(), Style.point("#e06666", 4).colouredBy("outcome", CASUALTY_COLOURS), true),
                new Layer("eore", false, 1.0, 7, null, Map.of(), Style.point("#3d85c6", 4), true));
    }

    /** Attributes listed in each layer's popup. */
    public static Map<String, List<String>> popupFields() {
        return Map.of(
                "countries", List.of("name", "iso3", "treaty_status"),
                "admin1", List.of("name", "pcode", "funding_gap"),
                "subclusters", List.of("name", "iso3", "lead", "status"),
                "proposals", List.of("code", "organisation", "status", "requirements_usd", "pct_funded"),
                "hazards", List.of("hazard_type", "contamination_type", "status", "area_m2", "count"),
                "land_release", List.of("method", "area_m2", "release_date", "count"),
                "casualties", List.of("incident_date", "outcome", "civilian", "sex", "age_group", "device_type", "count", "killed"),
                "eore", List.of("session_date", "participants", "count"));
    }

    /** Detail pages reachable from a popup (only views that exist). */
    public static Map<String, String> detailUrls() {
        return Map.of("subclusters", "subclusters", "countries", "treaties/{iso3}", "proposals", "proposals/{id}");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
