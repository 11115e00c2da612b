package org.clearway.map.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.map.CwMap;
import org.springframework.beans.factory.annotation.Value;
import org.clearway.map.CwMap.Layer;
import org.clearway.map.MapLayers;
import org.clearway.map.query.CoordinationAnalysis;
import org.clearway.map.query.Place;
import org.clearway.map.query.PlaceSearch;
import org.clearway.subcluster.Subcluster;
import org.clearway.subcluster.SubclusterService;

/** The map: our own boundaries and data as vector tiles, filters, legend, place search, analysis. */
@Route("map")
@Menu(title = "nav.map", order = 5)
@PermitAll
public class MapView extends VerticalLayout implements HasDynamicTitle {

    private final CwMap map = new CwMap();
    private final PlaceSearch places;
    private final LayerPanel layerPanel = new LayerPanel(this::toggle);
    private final AnalysisPanel analysis;
    private final Map<String, Boolean> visible = new HashMap<>();
    private final Select<Integer> year = new Select<>();
    private final ComboBox<Subcluster> subcluster = new ComboBox<>();
    private final Select<String> status = new Select<>();
    private final Select<String> activity = new Select<>();
    private final Select<String> treaty = new Select<>();
    private final Select<String> hazardStatus = new Select<>();
    private final Select<String> hazardColour = new Select<>();
    private final Checkbox fundingGap = new Checkbox();
    private final Checkbox byFunding = new Checkbox();

    public MapView(PlaceSearch places, SubclusterService subclusters, CoordinationAnalysis coordination,
                   @Value("${clearway.map.xyz-url:}") String xyzUrl, @Value("${clearway.map.xyz-attribution:}") String xyzAttribution) {
        this.places = places;
        this.analysis = new AnalysisPanel(coordination,
                o -> select("proposals", List.of(o.proposalA(), o.proposalB())),
                g -> {
                    select("admin1", List.of(g.adminAreaId()));
                    zoomTo(g.pcode());
                });
        setSizeFull();
        setPadding(false);
        MapLayers.defaults().forEach(l -> visible.put(l.id(), l.visible()));

        map.setId("map");
        Map<String, String> labels = labels();
        map.setLabels(labels);
        layerPanel.setValueLabels(labels); // legends name coded values as the popups do
        map.setPopupFields(MapLayers.popupFields());
        map.setDetailUrls(MapLayers.detailUrls());
        if (!xyzUrl.isBlank()) { // an online raster base map under our layers, only when configured (clearway.map.xyz-url)
            map.setXyzUrl(xyzUrl.strip());
            if (!xyzAttribution.isBlank()) {
                map.setAttribution(getTranslation("map.attribution.with-base", getTranslation("map.attribution"), xyzAttribution.strip()));
            }
        }

        ComboBox<Place> search = new ComboBox<>(getTranslation("map.search"));
        search.setId("place-search");
        search.setWidthFull();
        search.setItems(query -> places.search(query.getFilter().orElse(""), query.getLimit(), query.getOffset()).stream());
        search.setItemLabelGenerator(p -> p.name() + " · " + p.pcode());
        search.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                Place p = e.getValue();
                map.fitExtent(p.minLon(), p.minLat(), p.maxLon(), p.maxLat());
            }
        });

        int thisYear = Year.now().getValue();
        year.setLabel(getTranslation("map.filter.year"));
        year.setItems(thisYear - 2, thisYear - 1, thisYear);
        year.setValue(thisYear - 1); // the last complete year: plans, casualties and releases all have data
        subcluster.setLabel(getTranslation("map.filter.subcluster"));
        subcluster.setItems(subclusters.list());
        subcluster.setItemLabelGenerator(Subcluster::countryName);
        subcluster.setClearButtonVisible(true);
        status.setLabel(getTranslation("map.filter.status"));
        status.setItems(withEmpty(MapLayers.PROPOSAL_COLOURS.keySet()));
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("map.filter.all") : getTranslation("map.value.status." + s));
        status.setValue("");
        activity.setLabel(getTranslation("map.filter.activity"));
        activity.setItems(withEmpty(List.of("SURVEY_CLEARANCE", "EORE", "VICTIM_ASSISTANCE", "CAPACITY_BUILDING", "ADVOCACY", "COORDINATION")));
        activity.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("map.filter.all") : getTranslation("activity." + a));
        activity.setValue("");
        treaty.setLabel(getTranslation("map.filter.treaty"));
        treaty.setItems(withEmpty(List.of("APMBC", "CCM", "CCW", "CCW_APII", "CCW_PV", "CRPD")));
        treaty.setItemLabelGenerator(t -> t.isEmpty() ? getTranslation("map.filter.none") : getTranslation("treaty." + t));
        treaty.setValue("");
        treaty.setId("treaty-choropleth");
        hazardStatus.setLabel(getTranslation("map.filter.hazard-status"));
        hazardStatus.setItems(withEmpty(List.of("ACTIVE", "PARTIALLY_RELEASED", "RELEASED")));
        // released areas are land given back: shown only when asked for (the land release layer shows what was released)
        hazardStatus.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("map.filter.not-released") : getTranslation("hazard.status." + s));
        hazardStatus.setValue("");
        hazardStatus.setId("hazard-status");
        hazardColour.setLabel(getTranslation("map.filter.hazard-colour"));
        hazardColour.setItems("hazard_type", "contamination_type");
        hazardColour.setItemLabelGenerator(c -> getTranslation("map.filter.hazard-colour." + c));
        hazardColour.setValue("hazard_type");
        hazardColour.setId("hazard-colour");
        fundingGap.setLabel(getTranslation("map.filter.funding-gap"));
        fundingGap.setId("funding-gap-choropleth");
        byFunding.setLabel(getTranslation("map.filter.by-funding"));
        List.of(year, status, activity, treaty, hazardStatus, hazardColour).forEach(s -> s.addValueChangeListener(e -> update()));
        subcluster.addValueChangeListener(e -> {
            update();
            if (e.getValue() != null) {
                zoomTo(e.getValue().iso3());
            }
        });
        fundingGap.addValueChangeListener(e -> update());
        byFunding.addValueChangeListener(e -> update());

        Button export = new Button(getTranslation("map.export"), VaadinIcon.DOWNLOAD.create(), click -> map.exportPng("clearway-map.png"));
        export.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.setId("export-png");

        VerticalLayout side = new VerticalLayout(search, new H3(getTranslation("map.filters")), year, subcluster, status, activity, byFunding,
                hazardStatus, hazardColour, treaty, fundingGap, layerPanel, export);
        side.setWidth("20rem");
        side.getStyle().set("flex-shrink", "0").set("overflow", "auto");
        Div mapBox = new Div(map);
        mapBox.getStyle().set("flex", "1 1 auto").set("min-height", "420px").set("position", "relative");
        HorizontalLayout top = new HorizontalLayout(side, mapBox);
        top.setWidthFull();
        top.setHeight("68vh");
        add(top, analysis);
        update();
    }

    private void update() {
        Map<String, String> common = new LinkedHashMap<>();
        Integer y = year.getValue();
        String iso3 = subcluster.getValue() == null ? "" : subcluster.getValue().iso3();
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : MapLayers.defaults()) {
            Map<String, String> q = new LinkedHashMap<>(common);
            switch (layer.id()) {
                case "countries" -> {
                    q.put("treaty", treaty.getValue().isEmpty() ? "APMBC" : treaty.getValue());
                    if (!treaty.getValue().isEmpty()) {
                        layer = layer.withStyle(layer.style().colouredBy("treaty_status", MapLayers.TREATY_COLOURS));
                    }
                }
                case "admin1" -> {
                    q.put("year", String.valueOf(y));
                    if (fundingGap.getValue()) {
                        layer = layer.withStyle(layer.style().classedBy("funding_gap", MapLayers.GAP_BREAKS, MapLayers.GAP_COLOURS));
                    }
                }
                case "proposals" -> {
                    q.put("year", String.valueOf(y));
                    q.put("subcluster", subcluster.getValue() == null ? "" : String.valueOf(subcluster.getValue().id()));
                    q.put("status", status.getValue());
                    q.put("activity", activity.getValue());
                    if (byFunding.getValue()) {
                        layer = layer.withStyle(layer.style().classedBy("pct_funded", MapLayers.FUNDED_BREAKS, MapLayers.FUNDED_COLOURS));
                    }
                }
                case "hazards" -> {
                    q.put("country", iso3);
                    q.put("status", hazardStatus.getValue());
                    if ("contamination_type".equals(hazardColour.getValue())) {
                        layer = layer.withStyle(layer.style().colouredBy("contamination_type", MapLayers.CONTAMINATION_COLOURS));
                    }
                }
                case "land_release", "casualties", "eore" -> {
                    q.put("country", iso3);
                    q.put("year", String.valueOf(y));
                }
                default -> { }
            }
            layers.add(layer.withQuery(q).withVisible(visible.getOrDefault(layer.id(), layer.visible())));
        }
        map.setLayers(layers);
        layerPanel.show(layers);
        analysis.refresh(y, subcluster.getValue() == null ? null : subcluster.getValue().id());
    }

    private void toggle(String layerId, boolean on) {
        visible.put(layerId, on);
        update();
    }

    private void select(String layerId, List<Long> ids) {
        if (!visible.getOrDefault(layerId, false)) {
            toggle(layerId, true);
        }
        map.setSelection(new CwMap.Selection(layerId, ids));
    }

    private void zoomTo(String pcodeOrIso3) {
        places.search(pcodeOrIso3, 1, 0).stream().findFirst()
                .ifPresent(p -> map.fitExtent(p.minLon(), p.minLat(), p.maxLon(), p.maxLat()));
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        for (String field : List.of("name", "iso3", "pcode", "treaty_status", "funding_gap", "lead", "status", "code", "organisation",
                "requirements_usd", "pct_funded", "hazard_type", "contamination_type", "area_m2", "count", "method", "release_date",
                "incident_date", "outcome", "civilian", "sex", "age_group", "device_type", "killed", "session_date", "participants")) {
            labels.put("field." + field, getTranslation("map.field." + field));
        }
        MapLayers.defaults().forEach(l -> labels.put("layer." + l.id(), getTranslation("map.layer." + l.id())));
        Map<String, java.util.Collection<String>> coded = Map.of("status", MapLayers.PROPOSAL_COLOURS.keySet(),
                "hazard_type", MapLayers.HAZARD_COLOURS.keySet(), "method", MapLayers.RELEASE_COLOURS.keySet(),
                "outcome", MapLayers.CASUALTY_COLOURS.keySet(), "treaty_status", MapLayers.TREATY_COLOURS.keySet());
        coded.forEach((attribute, values) -> values.forEach(v ->
                labels.put("value." + attribute + "." + v, getTranslation("map.value." + attribute + "." + v))));
        for (String c : List.of("AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "UXO", "AXO", "IED", "MIXED", "UNKNOWN")) {
            labels.put("value.contamination_type." + c, getTranslation("contamination." + c));
            labels.put("value.device_type." + c, getTranslation("contamination." + c));
        }
        for (String h : List.of("ACTIVE", "PARTIALLY_RELEASED", "RELEASED")) {
            labels.put("value.status." + h, getTranslation("hazard.status." + h));
        }
        for (String v : List.of("sex.FEMALE", "sex.MALE", "sex.UNKNOWN", "age_group.CHILD", "age_group.ADULT", "age_group.OLDER",
                "age_group.UNKNOWN", "civilian.true", "civilian.false")) {
            labels.put("value." + v, getTranslation("map.value." + v));
        }
        return labels;
    }

    private static List<String> withEmpty(java.util.Collection<String> values) {
        List<String> list = new ArrayList<>();
        list.add("");
        list.addAll(values);
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.map") + " · " + getTranslation("app.title");
    }
}
