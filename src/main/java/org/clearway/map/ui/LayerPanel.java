package org.clearway.map.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.clearway.map.CwMap.Layer;
import org.clearway.map.CwMap.Style;

/** Layer switcher with a legend under each layer, drawn from the layer's own style. */
class LayerPanel extends VerticalLayout {

    private final BiConsumer<String, Boolean> onToggle;
    private final VerticalLayout rows = new VerticalLayout();
    /** The translated names of coded values ({@code value.<attribute>.<code>}), the same the map's popups show. */
    private Map<String, String> valueLabels = Map.of();

    LayerPanel(BiConsumer<String, Boolean> onToggle) {
        this.onToggle = onToggle;
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        add(new H3(getTranslation("map.layers")), rows);
    }

    void setValueLabels(Map<String, String> labels) {
        this.valueLabels = labels;
    }

    void show(List<Layer> layers) {
        rows.removeAll();
        for (Layer layer : layers) {
            Checkbox box = new Checkbox(getTranslation("map.layer." + layer.id()), layer.visible());
            box.setId("layer-" + layer.id());
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    onToggle.accept(layer.id(), e.getValue());
                }
            });
            rows.add(box);
            if (layer.visible()) {
                rows.add(legend(layer));
            }
        }
    }

    private Div legend(Layer layer) {
        Div legend = new Div();
        legend.addClassName("cw-legend");
        legend.getElement().setAttribute("aria-label", getTranslation("map.legend", getTranslation("map.layer." + layer.id())));
        Style style = layer.style();
        if (style.colors() != null) {
            for (Map.Entry<String, String> e : style.colors().entrySet()) {
                legend.add(item(e.getValue(), valueLabels.getOrDefault("value." + style.by() + "." + e.getKey(), e.getKey())));
            }
        } else if (style.classes() != null) {
            List<Double> breaks = style.classes().breaks();
            List<String> colours = style.classes().colors();
            for (int i = 0; i < colours.size(); i++) {
                String label = i == 0 ? getTranslation("map.range.below", format(breaks.get(0)))
                        : i == breaks.size() ? getTranslation("map.range.from", format(breaks.get(i - 1)))
                        : getTranslation("map.range.between", format(breaks.get(i - 1)), format(breaks.get(i)));
                legend.add(item(colours.get(i), getTranslation("map.classes." + style.classes().attribute(), label)));
            }
        } else {
            legend.add(item(style.fill() != null ? style.fill() : "transparent", getTranslation("map.layer." + layer.id())));
        }
        return legend;
    }

    /** A class break in the user's language, short (1M, 500K; 1 M, 500 k in French). */
    private String format(double v) {
        java.text.NumberFormat compact = java.text.NumberFormat.getCompactNumberInstance(getLocale(), java.text.NumberFormat.Style.SHORT);
        compact.setMaximumFractionDigits(1);
        return compact.format(v);
    }

    private static Div item(String colour, String label) {
        Span swatch = new Span();
        swatch.addClassName("cw-swatch");
        swatch.getStyle().set("background", colour);
        Div item = new Div(swatch, new Span(label));
        item.addClassName("cw-legend-item");
        return item;
    }
}
