package org.clearway.map;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.List;
import java.util.Map;

/**
 * Java twin of {@code <cw-map>} (frontend/components/cw-map.ts): an OpenLayers map of our vector
 * tiles. Java sets layers, styles, filters, view and selection; the browser reports clicks and the
 * visible extent. Geometry never travels through the UI state: the element loads tiles itself.
 */
@Tag("cw-map")
@NpmPackage(value = "ol", version = "10.11.0")
@JsModule("./components/cw-map.ts")
public class CwMap extends Component implements HasSize {

    /** How a layer is drawn; colours by attribute value ({@code by} + {@code colors}) or numeric classes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Style(String kind, String fill, String stroke, Double strokeWidth, Double radius, String by,
                        Map<String, String> colors, Classes classes, String label, String clusterCountAttribute) {

        public static Style fill(String fill, String stroke) {
            return new Style("fill", fill, stroke, 1.0, null, null, null, null, null, "count");
        }

        public static Style line(String stroke, double width) {
            return new Style("line", null, stroke, width, null, null, null, null, null, null);
        }

        public static Style point(String fill, double radius) {
            return new Style("point", fill, "#ffffff", 1.0, radius, null, null, null, null, "count");
        }

        public Style colouredBy(String attribute, Map<String, String> colours) {
            return new Style(kind, fill, stroke, strokeWidth, radius, attribute, colours, null, label, clusterCountAttribute);
        }

        public Style classedBy(String attribute, List<Double> breaks, List<String> colours) {
            return new Style(kind, fill, stroke, strokeWidth, radius, null, null, new Classes(attribute, breaks, colours), label,
                    clusterCountAttribute);
        }

        public Style labelled(String attribute) {
            return new Style(kind, fill, stroke, strokeWidth, radius, by, colors, classes, attribute, clusterCountAttribute);
        }
    }

    /** Numeric classes: {@code colors[i]} for values below {@code breaks[i]}, the last colour above the last break. */
    public record Classes(String attribute, List<Double> breaks, List<String> colors) {
    }

    /** One tile layer of the map: {@code id} is the tile layer ({@link TileLayer#id()}); {@code query} its filters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(String id, boolean visible, Double opacity, Integer zIndex, Integer minZoom, Map<String, String> query,
                        Style style, Boolean clickable) {

        public Layer withVisible(boolean v) {
            return new Layer(id, v, opacity, zIndex, minZoom, query, style, clickable);
        }

        public Layer withQuery(Map<String, String> q) {
            return new Layer(id, visible, opacity, zIndex, minZoom, q, style, clickable);
        }

        public Layer withStyle(Style s) {
            return new Layer(id, visible, opacity, zIndex, minZoom, query, s, clickable);
        }
    }

    public record Selection(String layer, List<Long> ids) {
    }

    public CwMap() {
        setSizeFull();
        // translated defaults, so no map shows the component's built-in English: views add their own labels on top
        getElement().setProperty("attribution", getTranslation("map.attribution"));
        setLabels(Map.of());
    }

    public void setLayers(List<Layer> layers) {
        getElement().setPropertyList("layers", layers);
    }

    public void setView(double lon, double lat, double zoom) {
        getElement().setPropertyList("center", List.of(lon, lat));
        getElement().setProperty("zoom", zoom);
    }

    public void setSelection(Selection selection) {
        if (selection == null) {
            getElement().executeJs("this.selection = null");
        } else {
            getElement().setPropertyBean("selection", selection);
        }
    }

    /**
     * Translated popup labels ({@code details}, {@code close}, {@code map}, {@code field.<attribute>}, {@code layer.<id>},
     * {@code value.<attribute>.<code>}), over the translated defaults of {@code details}, {@code close} and {@code map}.
     */
    public void setLabels(Map<String, String> labels) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("details", getTranslation("map.popup.details"),
                "close", getTranslation("map.popup.close"), "map", getTranslation("map.aria")));
        all.putAll(labels);
        getElement().setPropertyMap("labels", all);
    }

    public void setDetailUrls(Map<String, String> urls) {
        getElement().setPropertyMap("detailUrls", urls);
    }

    public void setPopupFields(Map<String, List<String>> fields) {
        getElement().setPropertyMap("popupFields", fields);
    }

    public void setAttribution(String attribution) {
        getElement().setProperty("attribution", attribution);
    }

    /** An online XYZ raster base map (off by default: the map works with no internet at all). */
    public void setXyzUrl(String url) {
        getElement().setProperty("xyzUrl", url);
    }

    /** Reloads every tile (after a data change the user made). */
    public void refreshTiles() {
        getElement().setProperty("version", getElement().getProperty("version", 0) + 1);
    }

    public void fitExtent(double minLon, double minLat, double maxLon, double maxLat) {
        getElement().executeJs("this.fitExtent([$0, $1, $2, $3])", minLon, minLat, maxLon, maxLat);
    }

    public void exportPng(String filename) {
        getElement().callJsFunction("exportPng", filename);
    }

    /** Whether a click opens the feature's popup (off where clicks pick areas). */
    public void setPopups(boolean popups) {
        getElement().setProperty("popups", popups);
    }

    /** Lets the user draw one polygon; see {@link #addDrawListener}. */
    public void setDrawEnabled(boolean enabled) {
        getElement().setProperty("drawEnabled", enabled);
    }

    /**
     * Shows the polygon being entered (GeoJSON geometry, lon/lat), or nothing. This is the user's own input,
     * a few hundred points at most: data layers always come as tiles.
     */
    public void setDrawn(String geoJsonGeometry) {
        if (geoJsonGeometry == null) {
            getElement().setPropertyJson("drawn", tools.jackson.databind.node.NullNode.getInstance());
        } else {
            getElement().setPropertyJson("drawn", (tools.jackson.databind.node.BaseJsonNode)
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(geoJsonGeometry));
        }
    }

    public Registration addDrawListener(ComponentEventListener<DrawEvent> listener) {
        return addListener(DrawEvent.class, listener);
    }

    /** A polygon the user finished drawing, as GeoJSON geometry in lon/lat (EPSG:4326). */
    @DomEvent("cw-map-draw")
    public static class DrawEvent extends ComponentEvent<CwMap> {
        private final String geoJson;

        public DrawEvent(CwMap source, boolean fromClient, @EventData("event.detail.geojson") String geoJson) {
            super(source, fromClient);
            this.geoJson = geoJson;
        }

        public String geoJson() {
            return geoJson;
        }
    }

    public Registration addClickListener(ComponentEventListener<MapClickEvent> listener) {
        return addListener(MapClickEvent.class, listener);
    }

    public Registration addMoveEndListener(ComponentEventListener<MoveEndEvent> listener) {
        return addListener(MoveEndEvent.class, listener);
    }

    /** A click on the map: the top-most feature's layer and id, or none. */
    @DomEvent("cw-map-click")
    public static class MapClickEvent extends ComponentEvent<CwMap> {
        private final String layer;
        private final String featureId;
        private final double lon;
        private final double lat;

        public MapClickEvent(CwMap source, boolean fromClient, @EventData("event.detail.layer") String layer,
                             @EventData("event.detail.id == null ? null : String(event.detail.id)") String featureId,
                             @EventData("event.detail.lon") double lon, @EventData("event.detail.lat") double lat) {
            super(source, fromClient);
            this.layer = layer;
            this.featureId = featureId;
            this.lon = lon;
            this.lat = lat;
        }

        public String layer() {
            return layer;
        }

        public String featureId() {
            return featureId;
        }

        public double lon() {
            return lon;
        }

        public double lat() {
            return lat;
        }
    }

    /** The view moved: the visible extent in longitude/latitude and the zoom. */
    @DomEvent("cw-map-moveend")
    public static class MoveEndEvent extends ComponentEvent<CwMap> {
        private final double[] extent;
        private final double zoom;

        public MoveEndEvent(CwMap source, boolean fromClient, @EventData("event.detail.extent[0]") double minLon,
                            @EventData("event.detail.extent[1]") double minLat, @EventData("event.detail.extent[2]") double maxLon,
                            @EventData("event.detail.extent[3]") double maxLat, @EventData("event.detail.zoom") double zoom) {
            super(source, fromClient);
            this.extent = new double[] {minLon, minLat, maxLon, maxLat};
            this.zoom = zoom;
        }

        public double[] extent() {
            return extent.clone();
        }

        public double zoom() {
            return zoom;
        }
    }
}
