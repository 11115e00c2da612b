package org.clearway.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.clearway.chart.ChartOption;
import org.clearway.chart.CwChart;
import org.clearway.dashboard.query.DashboardFilter;
import org.clearway.dashboard.query.DashboardQuery;

/** What donors see: published appeal data only, curated key figures and charts; never drafts. */
@Route("donor")
@Menu(title = "nav.donor", order = 4)
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR", "SUBCLUSTER_LEAD", "DONOR"})
public class DonorDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final DashboardQuery query;
    private final DashboardCharts charts = new DashboardCharts(this);
    private final FigureCards figures = new FigureCards();
    private final YearSelect year = new YearSelect("donor-year", 1);
    private final Div grid = new Div();

    public DonorDashboardView(DashboardQuery query) {
        this.query = query;
        year.addValueChangeListener(e -> refresh());
        grid.addClassName("cw-chart-grid");
        Paragraph note = new Paragraph(getTranslation("dashboard.donor.note"));
        Paragraph demo = new Paragraph(getTranslation("dashboard.demo-note"));
        demo.addClassName("cw-demo-badge");
        add(new H2(getTranslation("dashboard.donor.title")), note, demo, year, figures, grid);
        refresh();
    }

    private void refresh() {
        DashboardFilter f = new DashboardFilter(year.getValue(), null, null, true);
        figures.show(query.figures(f), f.year());
        grid.removeAll();
        grid.add(charts.chart("donor-funding", charts.fundingBySubcluster(query.fundingBySubcluster(f))),
                charts.chart("donor-trend", charts.fundingTrend(query.fundingTrend(f))),
                charts.chart("donor-targeted", charts.targeted(query.peopleTargeted(f))),
                charts.chart("donor-flows", charts.flows(query.fundingFlows(f))),
                charts.chart("donor-contamination", charts.contamination(query.contamination(f))),
                charts.chart("donor-casualties", charts.casualties(query.casualties(f))));
    }


    @Override
    public String getPageTitle() {
        return getTranslation("nav.donor") + " · " + getTranslation("app.title");
    }
}
