package org.clearway.treaty;

import java.util.Map;

/** One state's status in each treaty (treaty code -> status; absent = not party). */
public record StateStatus(String iso3, String name, Map<String, String> statuses) {

    public String status(String treaty) {
        return statuses.getOrDefault(treaty, "NOT_PARTY");
    }
}
