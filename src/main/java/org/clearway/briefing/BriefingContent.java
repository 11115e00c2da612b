package org.clearway.briefing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clearway.dashboard.query.Figures;
import org.clearway.dashboard.query.Rows;

/** Everything a briefing shows, read once so that the PDF and the presentation agree with each other and the dashboards. */
public record BriefingContent(long briefingId, String title, String scope, int year, String narrative, Figures figures,
                              List<Rows.SubclusterFunding> fundingByCountry, List<Rows.PartnerFunding> fundingByPartner,
                              List<CountryPage> countries, Map<String, Integer> treatyParties, BigDecimal openNeedsUsd,
                              BigDecimal pledgedSupportUsd, boolean synthetic) implements Serializable {

    /** One country of the pack: its figures and what its map needs (the extent, in lon/lat). */
    public record CountryPage(String iso3, String country, Long subclusterId, BigDecimal requirementsUsd, BigDecimal fundedUsd,
                              BigDecimal hazardKm2, long casualties, Map<String, String> treatyStatus, double[] extent)
            implements Serializable {
    }
}
