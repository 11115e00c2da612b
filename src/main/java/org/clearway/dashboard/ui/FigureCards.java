package org.clearway.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.math.BigDecimal;
import java.text.NumberFormat;
import org.clearway.dashboard.query.Figures;

/** Key figures on top of a dashboard. */
class FigureCards extends FlexLayout {

    FigureCards() {
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
        setWidthFull();
    }

    void show(Figures f, int year) {
        removeAll();
        NumberFormat n = NumberFormat.getIntegerInstance(getLocale());
        add(card("kf-requirements", usd(f.requirementsUsd()), getTranslation("dashboard.kf.required", String.valueOf(year))),
                card("kf-funded", usd(f.fundedUsd()), getTranslation("dashboard.kf.funded", f.percentFunded().toPlainString())),
                card("kf-gap", usd(f.gapUsd()), getTranslation("dashboard.kf.gap")),
                card("kf-proposals", n.format(f.proposals()), getTranslation("dashboard.kf.proposals", n.format(f.partners()))),
                card("kf-people", n.format(f.peopleTargeted()), getTranslation("dashboard.kf.people")));
    }

    private String usd(BigDecimal amount) {
        return org.clearway.common.Amounts.compactUsd(getLocale(), amount);
    }

    private static Div card(String id, String value, String label) {
        Div v = new Div(value);
        v.addClassName("cw-figure-value");
        Div l = new Div(label);
        l.addClassName("cw-figure-label");
        Div card = new Div(v, l);
        card.addClassName("cw-figure");
        card.setId(id);
        return card;
    }
}
