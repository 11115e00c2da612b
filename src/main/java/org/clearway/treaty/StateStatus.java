package org.clearway.treaty;

import java.util.Map;

/**
 * One state's status in each treaty (treaty code -> status; absent = not party), with its current APMBC
 * Article 5 deadline and last Article 7 report year when coordinators recorded them (else null).
 */
public record StateStatus(String iso3, String name, Map<String, String> statuses, java.time.LocalDate article5Deadline,
                          Integer lastArticle7Year) {

    public String status(String treaty) {
        return statuses.getOrDefault(treaty, "NOT_PARTY");
    }
}
