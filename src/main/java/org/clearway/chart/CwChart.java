package org.clearway.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * Java twin of {@code <cw-chart>}: an Apache ECharts chart. Set a {@link ChartOption} (typed, from
 * {@link Charts}, or raw JSON); clicks come back as {@link ChartClickEvent}s for drill-down; the
 * element resizes with its container and carries an accessible data table.
 */
@Tag("cw-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/cw-chart.ts")
public class CwChart extends Component implements HasSize {

    private ChartOption option;

    public CwChart() {
        setWidthFull();
        setHeight("320px");
    }

    public CwChart(ChartOption option) {
        this();
        setOption(option);
    }

    public void setOption(ChartOption option) {
        this.option = option;
        getElement().setPropertyJson("option", option.tree());
        if (option.table() != null) {
            getElement().setPropertyMap("table", option.table().asMap());
            if (getElement().getProperty("label", "").isEmpty()) {
                getElement().setProperty("label", option.table().caption());
            }
        }
    }

    public ChartOption getOption() {
        return option;
    }

    /** The chart's accessible name (defaults to the data table's caption). */
    public void setLabel(String label) {
        getElement().setProperty("label", label);
    }

    /** Shows the data table under the chart (it is always there for screen readers). */
    public void setShowTable(boolean show) {
        getElement().setProperty("showTable", show);
    }

    public void setDarkTheme(boolean dark) {
        getElement().setProperty("theme", dark ? "dark" : "light");
    }

    public void setLocale(java.util.Locale locale) {
        getElement().setProperty("locale", locale.toLanguageTag());
    }

    public void saveAsImage(String filename) {
        getElement().callJsFunction("saveAsImage", filename);
    }

    public Registration addClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    /** A click on a data item: its series, category/name, value and id (when the data carried one). */
    @DomEvent("cw-chart-click")
    public static class ChartClickEvent extends ComponentEvent<CwChart> {
        private final String seriesName;
        private final String name;
        private final String id;
        private final Double value;

        public ChartClickEvent(CwChart source, boolean fromClient, @EventData("event.detail.seriesName") String seriesName,
                               @EventData("event.detail.name") String name, @EventData("event.detail.id") String id,
                               @EventData("typeof event.detail.value === 'number' ? event.detail.value : null") Double value) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.name = name;
            this.id = id;
            this.value = value;
        }

        public String seriesName() {
            return seriesName;
        }

        public String name() {
            return name;
        }

        public String id() {
            return id;
        }

        public Double value() {
            return value;
        }
    }
}
