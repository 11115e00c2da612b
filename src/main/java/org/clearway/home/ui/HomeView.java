package org.clearway.home.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import org.clearway.home.query.HomeFigures;
import org.clearway.home.query.HomeQuery;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;

/** The signed-in user's world: key figures of their scope, straight from the database. */
@Route("")
@Menu(title = "nav.home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(HomeQuery query, CurrentUser currentUser) {
        UserScope scope = currentUser.require();
        HomeFigures figures = query.figures();
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());

        H2 title = new H2(getTranslation("home.welcome", scope.displayName()));
        title.setId("home-title");
        Paragraph intro = new Paragraph(getTranslation("home.scope." + scope.role().name()));
        add(title, intro);
        if (figures.synthetic()) {
            Span badge = new Span(getTranslation("demo.badge"));
            badge.addClassName("cw-demo-badge");
            badge.setId("demo-badge");
            badge.getElement().setAttribute("title", getTranslation("demo.tooltip"));
            add(badge);
        }

        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        cards.add(
                figure("figure-subclusters", numbers.format(figures.subclusters()), getTranslation("home.subclusters")),
                figure("figure-proposals", numbers.format(figures.proposals()), getTranslation("home.proposals", String.valueOf(figures.planYear()))),
                figure("figure-requirements", usd(figures.requirementsUsd()), getTranslation("home.requirements", String.valueOf(figures.planYear()))),
                figure("figure-funded", figures.percentFunded().toPlainString() + " %",
                        getTranslation("home.funded", usd(figures.fundedUsd()))),
                figure("figure-hazards", numbers.format(figures.hazards()),
                        getTranslation("home.hazards", figures.hazardKm2().toPlainString())),
                figure("figure-casualties", numbers.format(figures.casualties()), getTranslation("home.casualties", String.valueOf(figures.casualtyYear()))),
                figure("figure-apmbc", numbers.format(figures.apmbcParties()), getTranslation("home.apmbc")));
        add(cards);

        Div source = new Div(getTranslation("home.apmbc.source", figures.apmbcAsOf() == null ? "-" : figures.apmbcAsOf().toString(),
                figures.apmbcSource() == null ? "-" : figures.apmbcSource()));
        source.addClassName("cw-source");
        add(source);
    }

    private String usd(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(getLocale(), NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        return "US$ " + format.format(amount);
    }

    private static Div figure(String id, String value, String label) {
        Div card = new Div();
        card.addClassName("cw-figure");
        card.setId(id);
        Div v = new Div(value);
        v.addClassName("cw-figure-value");
        Div l = new Div(label);
        l.addClassName("cw-figure-label");
        card.add(v, l);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · " + getTranslation("app.title");
    }
}
