package org.clearway.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts and counts written the same way on screens, in exports and in the briefing PDF. */
public final class Amounts {

    private Amounts() {
    }

    /** "US$ 12.3M" (compact, one decimal at most), as the dashboards' key figures show it. */
    public static String compactUsd(Locale locale, BigDecimal amount) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        return "US$ " + format.format(amount);
    }

    public static String count(Locale locale, long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
