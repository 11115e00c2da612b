package org.clearway.briefing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.clearway.briefing.BriefingContent;
import org.clearway.briefing.BriefingService;
import org.clearway.chart.Charts;
import org.clearway.chart.CwChart;
import org.clearway.common.Amounts;
import org.clearway.common.ClearwayException;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;

/**
 * The briefing as a full-screen presentation: the pack's content as slides (one screen each, scroll-snapped),
 * live charts and tile maps; arrow keys / Page Down move between slides, the button enters full screen.
 */
@Route("briefings/:id([0-9]+)/present")
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR", "SUBCLUSTER_LEAD"})
public class PresentationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final BriefingService briefings;
    private String title = "";

    public PresentationView(BriefingService briefings) {
        this.briefings = briefings;
        setPadding(false);
        setSpacing(false);
        setId("presentation");
        getStyle().set("height", "calc(100vh - var(--vaadin-app-layout-navbar-offset-size, 0px))").set("overflow-y", "auto")
                .set("scroll-snap-type", "y mandatory");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("aria-roledescription", "slides");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        BriefingContent c;
        try {
            c = briefings.content(Long.parseLong(event.getRouteParameters().get("id").orElseThrow()));
        } catch (ClearwayException e) {
            add(new H2(getTranslation(e.key(), e.args())));
            return;
        }
        title = c.title();
        var f = c.figures();
        var locale = getLocale();
        Button full = new Button(getTranslation("briefing.fullscreen"), e -> getElement().executeJs("this.requestFullscreen && this.requestFullscreen()"));
        full.setId("fullscreen");
        H1 cover = new H1(c.title());
        add(slide("slide-cover", full, cover, new H2(c.scope() == null ? getTranslation("briefing.scope.global") : c.scope()),
                new Paragraph(getTranslation("briefing.pdf.year", String.valueOf(c.year()))),
                c.synthetic() ? demo() : new Span()));
        Div cards = new Div();
        cards.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(12rem, 1fr))").set("gap", "1rem")
                .set("width", "100%");
        String[][] figures = {
            {"kf-requirements", Amounts.compactUsd(locale, f.requirementsUsd()), getTranslation("dashboard.kf.required", String.valueOf(c.year()))},
            {"kf-funded", Amounts.compactUsd(locale, f.fundedUsd()), getTranslation("dashboard.kf.funded", f.percentFunded().toPlainString())},
            {"kf-gap", Amounts.compactUsd(locale, f.gapUsd()), getTranslation("dashboard.kf.gap")},
            {"kf-proposals", Amounts.count(locale, f.proposals()), getTranslation("dashboard.kf.proposals", Amounts.count(locale, f.partners()))},
            {"kf-people", Amounts.count(locale, f.peopleTargeted()), getTranslation("dashboard.kf.people")}};
        for (String[] k : figures) {
            Div v = new Div(k[1]);
            v.addClassName("cw-figure-value");
            Div l = new Div(k[2]);
            l.addClassName("cw-figure-label");
            Div card = new Div(v, l);
            card.addClassName("cw-figure");
            card.setId(k[0]);
            cards.add(card);
        }
        CwChart chart = new CwChart(c.scope() == null
                ? Charts.bar(getTranslation("briefing.pdf.chart-country"), c.fundingByCountry().stream().map(s -> s.country()).toList(), List.of(
                        new Charts.Series(getTranslation("briefing.pdf.required"), c.fundingByCountry().stream().map(s -> s.requirementsUsd()).toList()),
                        new Charts.Series(getTranslation("briefing.pdf.funded"), c.fundingByCountry().stream().map(s -> s.fundedUsd()).toList())), true)
                : Charts.bar(getTranslation("briefing.pdf.chart-partner"), c.fundingByPartner().stream().map(s -> s.organisation()).toList(), List.of(
                        new Charts.Series(getTranslation("briefing.pdf.required"), c.fundingByPartner().stream().map(s -> s.requirementsUsd()).toList()),
                        new Charts.Series(getTranslation("briefing.pdf.funded"), c.fundingByPartner().stream().map(s -> s.fundedUsd()).toList())), true));
        chart.setId("presentation-chart");
        chart.setWidthFull();
        chart.setHeight("50vh");
        add(slide("slide-figures", new H2(getTranslation("briefing.pdf.figures")), cards, chart));
        for (BriefingContent.CountryPage p : c.countries()) {
            CwMap map = new CwMap();
            map.setWidthFull();
            map.setHeight("60vh");
            map.setLabels(Map.of("map", p.country()));
            map.setLayers(MapLayers.defaults().stream().filter(l -> List.of("countries", "admin1", "proposals", "hazards").contains(l.id()))
                    .map(l -> l.id().equals("proposals") ? l.withVisible(true).withQuery(Map.of("year", String.valueOf(c.year()))) : l).toList());
            map.setPopupFields(MapLayers.popupFields());
            map.fitExtent(p.extent()[0], p.extent()[1], p.extent()[2], p.extent()[3]);
            Paragraph facts = new Paragraph(getTranslation("briefing.country-facts", Amounts.compactUsd(locale, p.requirementsUsd()),
                    Amounts.compactUsd(locale, p.fundedUsd()), p.hazardKm2().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(),
                    Amounts.count(locale, p.casualties())));
            add(slide("slide-" + p.iso3().toLowerCase(java.util.Locale.ROOT), new H2(p.country()), facts, map));
        }
        Div treaties = new Div();
        c.treatyParties().forEach((k, v) -> treaties.add(new Paragraph(v + " · " + getTranslation("briefing.pdf.parties", getTranslation("treaty." + k)))));
        add(slide("slide-treaties", new H2(getTranslation("briefing.pdf.treaties-partnerships")), treaties,
                new Paragraph((c.scope() == null ? getTranslation("briefing.pdf.needs") : getTranslation("briefing.pdf.needs-of", c.scope()))
                        + ": " + Amounts.compactUsd(locale, c.openNeedsUsd()) + " · "
                        + getTranslation("briefing.pdf.offers") + ": " + Amounts.compactUsd(locale, c.pledgedSupportUsd()))));
        if (!c.narrative().isBlank()) {
            Div text = new Div();
            for (String paragraph : c.narrative().split("\\R\\s*\\R")) {
                text.add(new Paragraph(paragraph));
            }
            text.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("max-width", "60rem");
            add(slide("slide-narrative", new H2(getTranslation("briefing.pdf.narrative")), text));
        }
        // keyboard: next/previous slide
        getElement().executeJs("""
                const root = this;
                root.addEventListener('keydown', (e) => {
                  const slides = [...root.querySelectorAll('section')];
                  const i = slides.findIndex((s) => s.getBoundingClientRect().top >= -5);
                  if (['ArrowDown', 'PageDown', 'ArrowRight', ' '].includes(e.key)) { slides[Math.min(slides.length - 1, i + 1)]?.scrollIntoView(); e.preventDefault(); }
                  if (['ArrowUp', 'PageUp', 'ArrowLeft'].includes(e.key)) { slides[Math.max(0, i - 1)]?.scrollIntoView(); e.preventDefault(); }
                });
                root.focus();""");
    }

    private Span demo() {
        Span s = new Span(getTranslation("briefing.pdf.synthetic"));
        s.addClassName("cw-demo-badge");
        return s;
    }

    private static Section slide(String id, Component... content) {
        Section s = new Section(content);
        s.setId(id);
        s.getStyle().set("min-height", "calc(100vh - var(--vaadin-app-layout-navbar-offset-size, 0px))").set("scroll-snap-align", "start")
                .set("box-sizing", "border-box").set("padding", "2rem 3rem").set("width", "100%").set("display", "flex")
                .set("flex-direction", "column").set("gap", "1rem");
        return s;
    }

    @Override
    public String getPageTitle() {
        return title + " · Clearway";
    }
}
