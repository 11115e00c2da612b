package org.clearway.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.chart.ChartOption.DataTable;

/** Typed builders for the charts Clearway uses; each also builds the chart's accessible data table. */
public final class Charts {

    /** A data series; {@code ids} (optional, same length as data) come back in click events for drill-down. */
    public record Series(String name, List<? extends Number> data, List<String> ids, String stack) {
        public Series(String name, List<? extends Number> data) {
            this(name, data, null, null);
        }

        public Series stacked(String group) {
            return new Series(name, data, ids, group);
        }

        public Series withIds(List<String> newIds) {
            return new Series(name, data, newIds, stack);
        }
    }

    public record Slice(String name, Number value, String id) {
    }

    public record Link(String source, String target, Number value) {
    }

    public record TreeNode(String name, Number value, List<TreeNode> children) {
        public static TreeNode leaf(String name, Number value) {
            return new TreeNode(name, value, List.of());
        }
    }

    private Charts() {
    }

    /** Bars (stacked when series share a {@code stack}), vertical or horizontal, over categories. */
    public static ChartOption bar(String title, List<String> categories, List<Series> series, boolean horizontal) {
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", "bottom"));
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 16, "top", 40, "bottom", 40));
        // horizontal bars read top-down: the first category on top
        Map<String, Object> categoryAxis = horizontal ? Map.of("type", "category", "data", categories, "inverse", true)
                : Map.of("type", "category", "data", categories);
        Map<String, Object> valueAxis = Map.of("type", "value");
        option.put(horizontal ? "yAxis" : "xAxis", categoryAxis);
        option.put(horizontal ? "xAxis" : "yAxis", valueAxis);
        option.put("series", series.stream().map(s -> seriesMap("bar", s)).toList());
        return ChartOption.of(option, categoryTable(title, categories, series));
    }

    public static ChartOption line(String title, List<String> categories, List<Series> series) {
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", "bottom"));
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 16, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series.stream().map(s -> seriesMap("line", s)).toList());
        return ChartOption.of(option, categoryTable(title, categories, series));
    }

    public static ChartOption pie(String title, List<Slice> slices, boolean donut) {
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("top", "bottom", "type", "scroll"));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "pie");
        series.put("radius", donut ? List.of("45%", "70%") : "70%");
        series.put("data", slices.stream().map(s -> item(s.name(), s.value(), s.id())).toList());
        option.put("series", List.of(series));
        List<List<Object>> rows = slices.stream().<List<Object>>map(s -> List.of(s.name(), s.value())).toList();
        return ChartOption.of(option, new DataTable(title, List.of("", ""), rows));
    }

    public static ChartOption sankey(String title, List<Link> links) {
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "item"));
        List<String> nodes = new ArrayList<>();
        for (Link l : links) {
            if (!nodes.contains(l.source())) {
                nodes.add(l.source());
            }
            if (!nodes.contains(l.target())) {
                nodes.add(l.target());
            }
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "sankey");
        series.put("emphasis", Map.of("focus", "adjacency"));
        series.put("data", nodes.stream().map(n -> Map.of("name", n)).toList());
        series.put("links", links.stream().map(l -> Map.of("source", l.source(), "target", l.target(), "value", l.value())).toList());
        option.put("series", List.of(series));
        List<List<Object>> rows = links.stream().<List<Object>>map(l -> List.of(l.source(), l.target(), l.value())).toList();
        return ChartOption.of(option, new DataTable(title, List.of("", "", ""), rows));
    }

    public static ChartOption treemap(String title, List<TreeNode> nodes) {
        Map<String, Object> option = base(title);
        option.put("tooltip", Map.of("trigger", "item"));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "treemap");
        series.put("roam", false);
        series.put("data", nodes.stream().map(Charts::treeMap).toList());
        option.put("series", List.of(series));
        List<List<Object>> rows = new ArrayList<>();
        for (TreeNode n : nodes) {
            for (TreeNode c : n.children()) {
                rows.add(List.of(n.name(), c.name(), c.value()));
            }
        }
        return ChartOption.of(option, new DataTable(title, List.of("", "", ""), rows));
    }

    public static ChartOption gauge(String title, double value, double max, String valueLabel) {
        Map<String, Object> option = base(title);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "gauge");
        series.put("min", 0);
        series.put("max", max);
        series.put("progress", Map.of("show", true));
        series.put("detail", Map.of("valueAnimation", true, "formatter", "{value}"));
        series.put("data", List.of(Map.of("value", value, "name", valueLabel)));
        option.put("series", List.of(series));
        return ChartOption.of(option, new DataTable(title, List.of("", ""), List.of(List.of(valueLabel, value))));
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        return option;
    }

    private static Map<String, Object> seriesMap(String type, Series s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("name", s.name());
        if (s.stack() != null) {
            map.put("stack", s.stack());
        }
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < s.data().size(); i++) {
            Number v = s.data().get(i);
            data.add(s.ids() == null ? v : item(null, v, s.ids().get(i)));
        }
        map.put("data", data);
        return map;
    }

    private static Map<String, Object> item(String name, Number value, String id) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (name != null) {
            map.put("name", name);
        }
        map.put("value", value);
        if (id != null) {
            map.put("id", id);
        }
        return map;
    }

    private static Map<String, Object> treeMap(TreeNode n) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", n.name());
        if (n.children().isEmpty()) {
            map.put("value", n.value());
        } else {
            map.put("children", n.children().stream().map(Charts::treeMap).toList());
        }
        return map;
    }

    private static DataTable categoryTable(String title, List<String> categories, List<Series> series) {
        List<String> columns = new ArrayList<>();
        columns.add("");
        series.forEach(s -> columns.add(s.name()));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(categories.get(i));
            for (Series s : series) {
                row.add(i < s.data().size() ? s.data().get(i) : null);
            }
            rows.add(row);
        }
        return new DataTable(title, columns, rows);
    }
}
