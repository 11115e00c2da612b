package org.clearway.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.clearway.common.AccessRefusedException;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;
import org.clearway.dashboard.query.Rows;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;
import org.clearway.map.query.PlaceSearch;
import org.clearway.subcluster.Subcluster;
import org.clearway.subcluster.SubclusterService;

/** One sub-cluster: review queue, funding by partner, activity mix, 5W (exportable), map, data completeness. */
@Route("dashboard/:subcluster")
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR", "SUBCLUSTER_LEAD"})
public class SubclusterDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DashboardQuery query;
    private final SubclusterService subclusters;
    private final DashboardCharts charts = new DashboardCharts(this);
    private String title = "";

    private final PlaceSearch places;

    public SubclusterDashboardView(DashboardQuery query, SubclusterService subclusters, PlaceSearch places) {
        this.query = query;
        this.subclusters = subclusters;
        this.places = places;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("subcluster").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(IllegalArgumentException.class, getTranslation("error.not-found"));
            return;
        }
        Subcluster subcluster = subclusters.find(id).orElse(null);
        DashboardFilter f;
        try {
            f = query.authorise(new DashboardFilter(Year.now().getValue(), id, null, false));
        } catch (AccessRefusedException e) {
            add(new H2(getTranslation("error.access.subcluster-dashboard")));
            return;
        }
        if (subcluster == null) {
            add(new H2(getTranslation("error.not-found")));
            return;
        }
        title = getTranslation("dashboard.subcluster.title", subcluster.countryName(), String.valueOf(f.year()));
        H2 heading = new H2(title);
        heading.setId("subcluster-dashboard-title");
        FigureCards figures = new FigureCards();
        figures.show(query.figures(f), f.year());

        Grid<Rows.QueueItem> queue = new Grid<>();
        queue.setId("review-queue");
        queue.addThemeVariants(GridVariant.LUMO_COMPACT);
        queue.addColumn(Rows.QueueItem::code).setHeader(getTranslation("map.field.code")).setAutoWidth(true);
        queue.addColumn(Rows.QueueItem::organisation).setHeader(getTranslation("map.field.organisation")).setAutoWidth(true);
        queue.addColumn(q -> getTranslation("map.value.status." + q.status())).setHeader(getTranslation("map.field.status"));
        queue.addColumn(Rows.QueueItem::requirementsUsd).setHeader(getTranslation("map.field.requirements_usd"));
        queue.setItems(query.reviewQueue(f));
        queue.setAllRowsVisible(true);

        Div chartGrid = new Div(charts.chart("chart-partners", charts.byPartner(query.fundingByPartner(f))),
                charts.chart("chart-activities", charts.activities(query.activityMix(f))));
        chartGrid.addClassName("cw-chart-grid");

        List<Rows.FiveW> fiveW = query.fiveW(f);
        Grid<Rows.FiveW> fiveWGrid = new Grid<>();
        fiveWGrid.setId("five-w");
        fiveWGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        fiveWGrid.addColumn(Rows.FiveW::organisation).setHeader(getTranslation("map.field.organisation")).setAutoWidth(true);
        fiveWGrid.addColumn(w -> w.adminArea() + " (" + w.pcode() + ")").setHeader(getTranslation("map.analysis.area")).setAutoWidth(true);
        fiveWGrid.addColumn(w -> getTranslation("activity." + w.activity())).setHeader(getTranslation("map.analysis.activity"));
        fiveWGrid.addColumn(Rows.FiveW::requirementsUsd).setHeader(getTranslation("map.field.requirements_usd"));
        fiveWGrid.addColumn(Rows.FiveW::peopleTargeted).setHeader(getTranslation("dashboard.series.people"));
        fiveWGrid.setItems(fiveW);
        fiveWGrid.setHeight("20rem");
        org.clearway.common.ui.ExportLinks exports = new org.clearway.common.ui.ExportLinks(this, "export-5w",
                "5w-" + subcluster.iso3().toLowerCase() + "-" + f.year(), () -> new org.clearway.common.TableExport.Table("5W", FIVE_W_HEADER,
                        FIVE_W_HXL, fiveW.stream().map(SubclusterDashboardView::fiveWCells).toList()));

        CwMap map = new CwMap();
        map.setHeight("420px");
        map.setLabels(Map.of("close", getTranslation("map.popup.close"), "map", getTranslation("map.aria")));
        map.setLayers(MapLayers.defaults().stream().map(l -> switch (l.id()) {
            case "proposals" -> l.withVisible(true).withQuery(Map.of("year", String.valueOf(f.year()), "subcluster", String.valueOf(id)));
            case "hazards" -> l.withQuery(Map.of("country", subcluster.iso3()));
            default -> l;
        }).toList());

        places.search(subcluster.iso3(), 1, 0).stream().findFirst()
                .ifPresent(p -> map.fitExtent(p.minLon(), p.minLat(), p.maxLon(), p.maxLat()));

        Grid<Rows.Completeness> completeness = new Grid<>();
        completeness.setId("completeness");
        completeness.addThemeVariants(GridVariant.LUMO_COMPACT);
        completeness.addColumn(Rows.Completeness::code).setHeader(getTranslation("map.field.code")).setAutoWidth(true);
        completeness.addColumn(Rows.Completeness::organisation).setHeader(getTranslation("map.field.organisation"));
        completeness.addColumn(c -> (c.missingLocations() ? getTranslation("dashboard.missing.locations") + " " : "")
                + (c.missingTargets() ? getTranslation("dashboard.missing.targets") : "")).setHeader(getTranslation("dashboard.missing"));
        completeness.setItems(query.completeness(f));
        completeness.setAllRowsVisible(true);

        add(heading, figures, new H3(getTranslation("dashboard.queue")), queue, chartGrid, new H3(getTranslation("dashboard.5w")), exports,
                fiveWGrid, new H3(getTranslation("nav.map")), map, new H3(getTranslation("dashboard.completeness")), completeness);
    }

    static final List<String> FIVE_W_HEADER = List.of("Organisation", "Admin 1 P-code", "Admin 1", "Activity", "Proposals",
            "Requirements (USD)", "People targeted");
    static final List<String> FIVE_W_HXL = List.of("#org", "#adm1+code", "#adm1+name", "#activity", "#meta+proposals",
            "#value+funding+required+usd", "#targeted");

    private static List<Object> fiveWCells(Rows.FiveW r) {
        return java.util.Arrays.asList(r.organisation(), r.pcode(), r.adminArea(), r.activity(), r.proposals(), r.requirementsUsd(),
                r.peopleTargeted());
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
