package org.clearway.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.clearway.chart.ChartOption;
import org.clearway.chart.Charts;
import org.clearway.chart.Charts.Link;
import org.clearway.chart.Charts.Series;
import org.clearway.chart.Charts.Slice;
import org.clearway.chart.Charts.TreeNode;
import org.clearway.dashboard.query.Rows;

/** Turns the dashboards' read models into charts, with translated titles, series and data-table headers. */
final class DashboardCharts {

    private final Component i18n;

    DashboardCharts(Component i18n) {
        this.i18n = i18n;
    }

    private String t(String key, Object... args) {
        return i18n.getTranslation(key, args);
    }

    /** A chart element with an id (for tests and anchors) in the page's locale. */
    org.clearway.chart.CwChart chart(String id, ChartOption option) {
        org.clearway.chart.CwChart chart = new org.clearway.chart.CwChart(option);
        chart.setId(id);
        UI ui = UI.getCurrent(); // views are built inside their UI
        chart.setLocale(ui == null ? Locale.ENGLISH : ui.getLocale());
        return chart;
    }

    ChartOption fundingBySubcluster(List<Rows.SubclusterFunding> rows) {
        List<String> countries = rows.stream().map(Rows.SubclusterFunding::country).toList();
        List<String> ids = rows.stream().map(r -> Long.toString(r.subclusterId())).toList();
        return Charts.bar(t("dashboard.chart.funding"), countries, List.of(
                new Series(t("dashboard.series.funded"), millions(rows, Rows.SubclusterFunding::fundedUsd)).stacked("r").withIds(ids),
                new Series(t("dashboard.series.gap"), millions(rows, Rows.SubclusterFunding::gapUsd)).stacked("r").withIds(ids)), true)
                .withColumns(List.of(t("dashboard.column.subcluster"), t("dashboard.series.funded"), t("dashboard.series.gap")));
    }

    ChartOption fundingTrend(List<Rows.YearFunding> rows) {
        return Charts.line(t("dashboard.chart.trend"), rows.stream().map(r -> Integer.toString(r.year())).toList(),
                        List.of(new Series(t("dashboard.series.percent-funded"), rows.stream().map(Rows.YearFunding::percentFunded).toList())))
                .withColumns(List.of(t("dashboard.column.year"), t("dashboard.series.percent-funded")));
    }

    ChartOption byStatus(List<Rows.Count> rows) {
        return Charts.pie(t("dashboard.chart.status"), rows.stream()
                        .map(r -> new Slice(t("map.value.status." + r.key()), r.count(), r.key())).toList(), true)
                .withColumns(List.of(t("map.field.status"), t("dashboard.column.proposals")));
    }

    ChartOption targeted(Rows.Targeted p) {
        List<String> groups = List.of(t("dashboard.people.girls"), t("dashboard.people.boys"), t("dashboard.people.women"),
                t("dashboard.people.men"), t("dashboard.people.older"), t("dashboard.people.pwd"));
        return Charts.bar(t("dashboard.chart.targeted"), groups, List.of(new Series(t("dashboard.series.people"),
                        List.of(p.girls(), p.boys(), p.women(), p.men(), p.olderPersons(), p.personsWithDisabilities()))), false)
                .withColumns(List.of(t("dashboard.column.group"), t("dashboard.series.people")));
    }

    ChartOption contamination(List<Rows.Contamination> rows) {
        Map<String, List<TreeNode>> byCountry = new LinkedHashMap<>();
        rows.forEach(r -> byCountry.computeIfAbsent(r.country(), k -> new ArrayList<>())
                .add(TreeNode.leaf(t("contamination." + r.contaminationType()), r.km2())));
        return Charts.treemap(t("dashboard.chart.contamination"), byCountry.entrySet().stream()
                        .map(e -> new TreeNode(e.getKey(), null, e.getValue())).toList())
                .withColumns(List.of(t("subclusters.country"), t("map.field.contamination_type"), "km²"));
    }

    ChartOption casualties(List<Rows.CasualtyGroup> rows) {
        List<String> years = new ArrayList<>(new TreeSet<>(rows.stream().map(r -> Integer.toString(r.year())).toList()));
        List<String> groups = List.of("CHILD", "WOMAN", "MAN", "OTHER_CIVILIAN", "NON_CIVILIAN", "UNKNOWN_STATUS");
        List<Series> series = new ArrayList<>();
        for (String g : groups) {
            List<Long> data = years.stream().map(y -> rows.stream()
                    .filter(r -> r.group().equals(g) && Integer.toString(r.year()).equals(y)).mapToLong(Rows.CasualtyGroup::count).sum()).toList();
            series.add(new Series(t("dashboard.casualty." + g), data).stacked("c"));
        }
        List<String> columns = new ArrayList<>(List.of(t("dashboard.column.year")));
        series.forEach(s -> columns.add(s.name()));
        return Charts.bar(t("dashboard.chart.casualties"), years, series, false).withColumns(columns);
    }

    ChartOption flows(List<Rows.Flow> rows) {
        Map<String, BigDecimal> links = new LinkedHashMap<>();
        for (Rows.Flow f : rows) {
            links.merge(f.donor() + "\u0000" + f.organisation() + " ", f.amountUsd(), BigDecimal::add);
            links.merge(f.organisation() + " \u0000" + f.subcluster() + "  ", f.amountUsd(), BigDecimal::add);
        }
        List<Link> list = links.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000");
            return new Link(parts[0], parts[1], e.getValue().divide(BigDecimal.valueOf(1_000_000), 2, java.math.RoundingMode.HALF_UP));
        }).toList();
        return Charts.sankey(t("dashboard.chart.flows"), list)
                .withColumns(List.of(t("dashboard.column.from"), t("dashboard.column.to"), t("dashboard.column.musd")));
    }

    ChartOption apmbc(long parties, long states) {
        return Charts.gauge(t("dashboard.chart.apmbc"), parties, states, t("dashboard.apmbc.parties"))
                .withColumns(List.of("", t("dashboard.column.count")));
    }

    ChartOption byPartner(List<Rows.PartnerFunding> rows) {
        List<String> names = rows.stream().map(Rows.PartnerFunding::organisation).toList();
        return Charts.bar(t("dashboard.chart.partners"), names, List.of(
                new Series(t("dashboard.series.required"), millions(rows, Rows.PartnerFunding::requirementsUsd)),
                new Series(t("dashboard.series.funded"), millions(rows, Rows.PartnerFunding::fundedUsd))), true)
                .withColumns(List.of(t("dashboard.column.organisation"), t("dashboard.series.required"), t("dashboard.series.funded")));
    }

    ChartOption activities(List<Rows.Count> rows) {
        return Charts.pie(t("dashboard.chart.activities"), rows.stream()
                        .map(r -> new Slice(t("activity." + r.key()), r.count(), r.key())).toList(), false)
                .withColumns(List.of(t("map.analysis.activity"), t("dashboard.column.proposals")));
    }

    private static <T> List<BigDecimal> millions(List<T> rows, Function<T, BigDecimal> value) {
        return rows.stream().map(r -> value.apply(r).divide(BigDecimal.valueOf(1_000_000), 2, java.math.RoundingMode.HALF_UP)).toList();
    }
}
