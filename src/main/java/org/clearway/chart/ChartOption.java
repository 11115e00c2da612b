package org.clearway.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ECharts option (the JSON tree ECharts takes) together with the data table that describes the
 * same numbers for screen readers. Built by {@link Charts}, or from raw JSON with {@link #raw(String, DataTable)}.
 */
public final class ChartOption {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode tree;
    private final DataTable table;

    private ChartOption(ObjectNode tree, DataTable table) {
        this.tree = tree;
        this.table = table;
    }

    static ChartOption of(Map<String, Object> option, DataTable table) {
        return new ChartOption(JSON.valueToTree(option), table);
    }

    /** The escape hatch: any ECharts option as JSON (an object), with its data table (may be null). */
    public static ChartOption raw(String json, DataTable table) {
        var node = JSON.readTree(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("An ECharts option is a JSON object");
        }
        return new ChartOption(object, table);
    }

    public ObjectNode tree() {
        return tree.deepCopy();
    }

    public String json() {
        return JSON.writeValueAsString(tree);
    }

    /** The same chart with the data table's column headers named (the first is the category column). */
    public ChartOption withColumns(List<String> columns) {
        return new ChartOption(tree.deepCopy(), new DataTable(table.caption(), columns, table.rows()));
    }

    public DataTable table() {
        return table;
    }

    /** The accessible fallback: a caption, column headers and rows. */
    public record DataTable(String caption, List<String> columns, List<List<Object>> rows) {

        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("caption", caption);
            map.put("columns", columns);
            map.put("rows", rows);
            return map;
        }
    }
}
