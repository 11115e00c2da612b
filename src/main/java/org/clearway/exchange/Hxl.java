package org.clearway.exchange;

import java.util.Map;

/**
 * HXL hashtags (Humanitarian Exchange Language) for the columns Clearway exports, so the files join others'
 * in HDX and spreadsheets: {@code #org}, {@code #adm1+code}, {@code #value+funding+required+usd}, {@code #targeted+f+children}...
 */
public final class Hxl {

    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("id", "#meta+id"), Map.entry("iso3", "#country+code"), Map.entry("name", "#loc+name"),
            Map.entry("pcode", "#adm1+code"), Map.entry("synthetic", "#meta+synthetic"), Map.entry("source", "#meta+source"),
            Map.entry("lat", "#geo+lat"), Map.entry("lon", "#geo+lon"), Map.entry("wkt", "#geo+wkt"),
            Map.entry("hazard_type", "#indicator+hazard+type"), Map.entry("contamination_type", "#indicator+contamination+type"),
            Map.entry("status", "#status"), Map.entry("area_m2", "#indicator+area+m2"), Map.entry("recorded_date", "#date+recorded"),
            Map.entry("incident_date", "#date+incident"), Map.entry("outcome", "#affected+outcome"), Map.entry("civilian", "#affected+civilian"),
            Map.entry("sex", "#affected+sex"), Map.entry("age_group", "#affected+age"), Map.entry("disability", "#affected+disabled"),
            Map.entry("device_type", "#indicator+device"), Map.entry("lead", "#org+lead"), Map.entry("co_lead", "#org+colead"),
            Map.entry("active_from", "#date+start"), Map.entry("active_to", "#date+end"), Map.entry("code", "#activity+code"),
            Map.entry("title", "#activity+name"), Map.entry("organisation", "#org+impl"), Map.entry("plan", "#meta+plan+code"),
            Map.entry("year", "#date+year"), Map.entry("requirements_usd", "#value+funding+required+usd"),
            Map.entry("funded_usd", "#value+funding+total+usd"), Map.entry("start_date", "#date+start"), Map.entry("end_date", "#date+end"),
            Map.entry("target_girls", "#targeted+f+children"), Map.entry("target_boys", "#targeted+m+children"),
            Map.entry("target_women", "#targeted+f+adults"), Map.entry("target_men", "#targeted+m+adults"),
            Map.entry("target_older_persons", "#targeted+elderly"), Map.entry("target_pwd", "#targeted+disabled"),
            Map.entry("apmbc", "#status+apmbc"), Map.entry("ccm", "#status+ccm"), Map.entry("ccw", "#status+ccw"),
            Map.entry("ccw_apii", "#status+ccw+apii"), Map.entry("ccw_pv", "#status+ccw+pv"), Map.entry("crpd", "#status+crpd"),
            Map.entry("as_of", "#date+reported"));

    private Hxl() {
    }

    /** The hashtag of a column; columns without an agreed tag get {@code #meta+<name>}. */
    public static String tag(String column) {
        return TAGS.getOrDefault(column, "#meta+" + column.replace("_", ""));
    }
}
