package org.clearway.appeal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts, people and status badges shown the same way on every appeal screen. */
final class Formats {

    private Formats() {
    }

    static String usd(Locale locale, BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getIntegerInstance(locale);
        return "US$ " + f.format(amount.setScale(0, java.math.RoundingMode.HALF_UP));
    }

    static String percent(Locale locale, BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return "–";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        return f.format(part.divide(whole, 4, java.math.RoundingMode.HALF_UP).doubleValue());
    }

    /** A status as a Lumo badge; the colour follows the state, the text is translated. */
    static Span status(Component translator, String status) {
        Span badge = new Span(translator.getTranslation("map.value.status." + status));
        String theme = switch (status) {
            case "APPROVED", "PUBLISHED" -> "badge success";
            case "REJECTED" -> "badge error";
            case "REVISION_REQUESTED" -> "badge warning";
            case "DRAFT", "WITHDRAWN", "CLOSED" -> "badge contrast";
            default -> "badge";
        };
        badge.getElement().setAttribute("theme", theme);
        badge.getElement().setAttribute("data-status", status);
        return badge;
    }

    static Span demo(Component translator) {
        Span badge = new Span(translator.getTranslation("demo.badge"));
        badge.addClassName("cw-demo-badge");
        return badge;
    }
}
