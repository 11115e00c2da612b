package org.clearway.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clearway.chart.Charts.Link;
import org.clearway.chart.Charts.Series;
import org.clearway.chart.Charts.Slice;
import org.clearway.chart.Charts.TreeNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The typed API writes options the way ECharts reads them, and a data table with the same numbers. */
class ChartsTest {

    @Test
    void a_stacked_horizontal_bar_puts_categories_on_y_and_ids_on_the_data_items() {
        ChartOption option = Charts.bar("Funding", List.of("Ukraine", "Yemen"), List.of(
                new Series("Funded", List.of(3.5, 1.0)).stacked("r").withIds(List.of("7", "9")),
                new Series("Gap", List.of(1.5, 2.0)).stacked("r")), true);
        JsonNode tree = option.tree();
        assertThat(tree.at("/yAxis/type").asString()).isEqualTo("category");
        assertThat(tree.at("/yAxis/data/1").asString()).isEqualTo("Yemen");
        assertThat(tree.at("/xAxis/type").asString()).isEqualTo("value");
        assertThat(tree.at("/series/0/type").asString()).isEqualTo("bar");
        assertThat(tree.at("/series/0/stack").asString()).isEqualTo("r");
        assertThat(tree.at("/series/0/data/1/id").asString()).isEqualTo("9");
        assertThat(tree.at("/series/0/data/1/value").asDouble()).isEqualTo(1.0);
        assertThat(tree.at("/series/1/data/0").asDouble()).isEqualTo(1.5);
        assertThat(option.table().rows()).containsExactly(List.of("Ukraine", 3.5, 1.5), List.of("Yemen", 1.0, 2.0));
        assertThat(option.table().columns()).containsExactly("", "Funded", "Gap");
    }

    @Test
    void pie_sankey_treemap_line_and_gauge_have_the_shapes_echarts_expects() {
        JsonNode donut = Charts.pie("Status", List.of(new Slice("Draft", 3, "DRAFT"), new Slice("Published", 5, "PUBLISHED")), true).tree();
        assertThat(donut.at("/series/0/type").asString()).isEqualTo("pie");
        assertThat(donut.at("/series/0/radius").isArray()).isTrue();
        assertThat(donut.at("/series/0/data/1/name").asString()).isEqualTo("Published");
        assertThat(donut.at("/series/0/data/1/id").asString()).isEqualTo("PUBLISHED");

        ChartOption sankey = Charts.sankey("Flows", List.of(new Link("EU", "HALO", 2), new Link("HALO", "Ukraine", 2)));
        assertThat(sankey.tree().at("/series/0/data")).hasSize(3);
        assertThat(sankey.tree().at("/series/0/links/1/target").asString()).isEqualTo("Ukraine");

        JsonNode treemap = Charts.treemap("Contamination", List.of(new TreeNode("Ukraine", null,
                List.of(TreeNode.leaf("AP mines", 12.5), TreeNode.leaf("UXO", 3))))).tree();
        assertThat(treemap.at("/series/0/data/0/children/0/value").asDouble()).isEqualTo(12.5);
        assertThat(treemap.at("/series/0/data/0/value").isMissingNode()).isTrue();

        JsonNode line = Charts.line("Trend", List.of("2024", "2025"), List.of(new Series("% funded", List.of(40, 55)))).tree();
        assertThat(line.at("/series/0/type").asString()).isEqualTo("line");
        assertThat(line.at("/xAxis/data/1").asString()).isEqualTo("2025");

        JsonNode gauge = Charts.gauge("APMBC", 161, 195, "States Parties").tree();
        assertThat(gauge.at("/series/0/max").asDouble()).isEqualTo(195);
        assertThat(gauge.at("/series/0/data/0/value").asDouble()).isEqualTo(161);
    }

    @Test
    void the_raw_escape_hatch_takes_any_json_object_and_nothing_else() {
        ChartOption raw = ChartOption.raw("{\"series\":[{\"type\":\"scatter\",\"data\":[[1,2]]}]}", null);
        assertThat(raw.tree().at("/series/0/type").asString()).isEqualTo("scatter");
        assertThatThrownBy(() -> ChartOption.raw("[1,2]", null)).isInstanceOf(IllegalArgumentException.class);
        ChartOption named = Charts.bar("t", List.of("a"), List.of(new Series("s", List.of(1))), false).withColumns(List.of("Cat", "S"));
        assertThat(named.table().columns()).containsExactly("Cat", "S");
        assertThat(named.tree()).isEqualTo(Charts.bar("t", List.of("a"), List.of(new Series("s", List.of(1))), false).tree());
    }
}
