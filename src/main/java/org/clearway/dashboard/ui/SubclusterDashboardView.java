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
import org.clearway.common.TableExport;
import org.clearway.common.ui.ExportLinks;
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
        List<Rows.QueueItem> queueItems = query.reviewQueue(f);
        queue.setItems(queueItems);
        queue.setAllRowsVisible(true);
        String fileSuffix = subcluster.iso3().toLowerCase(java.util.Locale.ROOT) + "-" + f.year();
        // the tables are built here, under the session lock (translations need the UI); the links only write them out
        TableExport.Table queueTable = new TableExport.Table(
                getTranslation("dashboard.queue"), List.of(getTranslation("map.field.code"), getTranslation("map.field.organisation"),
                        getTranslation("map.field.status"), getTranslation("map.field.requirements_usd")),
                List.of("#activity+code", "#org", "#status", "#value+funding+required+usd"),
                queueItems.stream().map(q -> java.util.Arrays.<Object>asList(q.code(), q.organisation(), getTranslation("map.value.status." + q.status()),
                        q.requirementsUsd())).toList());
        ExportLinks queueExports = new ExportLinks(this, "export-queue", "review-queue-" + fileSuffix, () -> queueTable);

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
        TableExport.Table fiveWTable = new TableExport.Table("5W", FIVE_W_HEADER_KEYS.stream().map(this::getTranslation).toList(), FIVE_W_HXL,
                fiveW.stream().map(SubclusterDashboardView::fiveWCells).toList());
        ExportLinks exports = new ExportLinks(this, "export-5w", "5w-" + fileSuffix, () -> fiveWTable);

        CwMap map = new CwMap();
        map.setHeight("420px");
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
        List<Rows.Completeness> gaps = query.completeness(f);
        completeness.setItems(gaps);
        completeness.setAllRowsVisible(true);
        TableExport.Table completenessTable = new TableExport.Table(getTranslation("dashboard.completeness"), List.of(getTranslation("map.field.code"),
                        getTranslation("map.field.organisation"), getTranslation("dashboard.export.missing-locations"),
                        getTranslation("dashboard.export.missing-targets")),
                        List.of("#activity+code", "#org", "#meta+missing+locations", "#meta+missing+targets"),
                        gaps.stream().map(c -> java.util.Arrays.<Object>asList(c.code(), c.organisation(), yesNo(c.missingLocations()),
                                yesNo(c.missingTargets()))).toList());
        ExportLinks completenessExports = new ExportLinks(this, "export-completeness", "completeness-" + fileSuffix, () -> completenessTable);

        add(heading, figures, new H3(getTranslation("dashboard.queue")), queueExports, queue, chartGrid, new H3(getTranslation("dashboard.5w")),
                exports, fiveWGrid, new H3(getTranslation("nav.map")), map, new H3(getTranslation("dashboard.completeness")), completenessExports,
                completeness);
    }

    /** The 5W export's column names (translated: a French export has French headers; the HXL row below is the same in every language). */
    static final List<String> FIVE_W_HEADER_KEYS = List.of("map.field.organisation", "dashboard.5w.col.pcode", "map.analysis.area",
            "map.analysis.activity", "dashboard.5w.col.proposals", "map.field.requirements_usd", "dashboard.series.people");
    static final List<String> FIVE_W_HXL = List.of("#org", "#adm1+code", "#adm1+name", "#activity", "#meta+proposals",
            "#value+funding+required+usd", "#targeted");

    private String yesNo(boolean value) {
        return getTranslation(value ? "common.yes" : "common.no");
    }

    private static List<Object> fiveWCells(Rows.FiveW r) {
        return java.util.Arrays.asList(r.organisation(), r.pcode(), r.adminArea(), r.activity(), r.proposals(), r.requirementsUsd(),
                r.peopleTargeted());
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
