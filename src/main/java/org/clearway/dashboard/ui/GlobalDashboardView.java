package org.clearway.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clearway.chart.CwChart;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;

/** The global coordinators' dashboard: every sub-cluster for a plan year; every chart drills down. */
@Route("dashboard")
@Menu(title = "nav.dashboard", order = 3)
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR"})
public class GlobalDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final DashboardQuery query;
    private final DashboardCharts charts = new DashboardCharts(this);
    private final FigureCards figures = new FigureCards();
    private final YearSelect year = new YearSelect("dashboard-year", 0);
    private final Div grid = new Div();

    public GlobalDashboardView(DashboardQuery query) {
        this.query = query;
        year.addValueChangeListener(e -> refresh());
        grid.addClassName("cw-chart-grid");
        Span demo = new Span(getTranslation("dashboard.demo-note"));
        demo.addClassName("cw-demo-badge");
        add(new H2(getTranslation("dashboard.global.title")), year, demo, figures, grid);
        refresh();
    }

    private void refresh() {
        DashboardFilter f = new DashboardFilter(year.getValue(), null, null, false);
        figures.show(query.figures(f), f.year());
        grid.removeAll();
        CwChart funding = charts.chart("chart-funding", charts.fundingBySubcluster(query.fundingBySubcluster(f)));
        funding.setHeight("480px");
        funding.addClickListener(e -> {
            if (e.id() != null) {
                getUI().ifPresent(ui -> ui.navigate("dashboard/" + e.id()));
            }
        });
        long[] apmbc = query.apmbcParties();
        grid.add(funding,
                charts.chart("chart-trend", charts.fundingTrend(query.fundingTrend(f))),
                charts.chart("chart-status", charts.byStatus(query.proposalsByStatus(f))),
                charts.chart("chart-targeted", charts.targeted(query.peopleTargeted(f))),
                charts.chart("chart-contamination", charts.contamination(query.contamination(f))),
                charts.chart("chart-casualties", charts.casualties(query.casualties(f))),
                charts.chart("chart-flows", charts.flows(query.fundingFlows(f))),
                charts.chart("chart-apmbc", charts.apmbc(apmbc[0], apmbc[1])));
    }


    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard") + " · " + getTranslation("app.title");
    }
}
