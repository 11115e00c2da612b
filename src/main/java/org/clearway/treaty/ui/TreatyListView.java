package org.clearway.treaty.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;
import org.clearway.treaty.StateStatus;
import org.clearway.treaty.TreatyService;

/** Treaty status of every state: a world map coloured by the chosen treaty and a filterable table. */
@Route("treaties")
@Menu(title = "nav.treaties", order = 20)
@PermitAll
public class TreatyListView extends VerticalLayout implements HasDynamicTitle {

    private final TreatyService treaties;
    private final CwMap map = new CwMap();
    private final Select<String> treaty = new Select<>();
    private final Select<String> status = new Select<>();
    private final TextField search = new TextField();
    private final Grid<StateStatus> grid = new Grid<>();
    private final Paragraph counts = new Paragraph();

    public TreatyListView(TreatyService treaties) {
        this.treaties = treaties;
        setSizeFull();
        treaty.setLabel(getTranslation("treaties.treaty"));
        treaty.setItems(TreatyService.TREATIES);
        treaty.setItemLabelGenerator(t -> getTranslation("treaty." + t));
        treaty.setValue("APMBC");
        treaty.setId("treaty-select");
        List<String> statuses = new ArrayList<>(List.of(""));
        statuses.addAll(MapLayers.TREATY_COLOURS.keySet());
        status.setLabel(getTranslation("treaties.status"));
        status.setItems(statuses);
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("map.filter.all") : getTranslation("map.value.treaty_status." + s));
        status.setValue("");
        search.setLabel(getTranslation("treaties.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("treaty-search");
        treaty.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        map.setId("treaty-map");
        map.setLabels(Map.of("map", getTranslation("treaties.map")));
        map.setPopupFields(Map.of("countries", List.of("name", "iso3", "treaty_status")));
        map.setDetailUrls(Map.of("countries", "treaties/{iso3}"));
        Div mapBox = new Div(map);
        mapBox.setWidthFull();
        mapBox.setHeight("380px");

        grid.setId("treaty-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(s -> new RouterLink(s.name(), StateProfileView.class, new com.vaadin.flow.router.RouteParameters("iso3", s.iso3())))
                .setHeader(getTranslation("subclusters.country")).setAutoWidth(true).setComparator(StateStatus::name);
        for (String t : TreatyService.TREATIES) {
            grid.addColumn(s -> getTranslation("map.value.treaty_status." + s.status(t))).setHeader(getTranslation("treaties.short." + t))
                    .setSortable(true).setAutoWidth(true);
        }
        grid.addColumn(s -> s.article5Deadline() == null ? "" : s.article5Deadline().toString()).setHeader(getTranslation("treaties.short.article5"))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(s -> s.lastArticle7Year() == null ? "" : s.lastArticle7Year().toString()).setHeader(getTranslation("treaties.short.article7"))
                .setSortable(true).setAutoWidth(true);
        Paragraph source = new Paragraph(getTranslation("treaties.source"));
        source.addClassName("cw-source");
        add(new H2(getTranslation("treaties.title")), new HorizontalLayout(treaty, status, search), mapBox, counts,
                new org.clearway.common.ui.ExportLinks(this, "treaties", "treaty-status", this::table), grid, source);
        refresh();
    }

    /** Every state's status in each treaty as listed (filters applied), with an HXL row; read under the session lock. */
    private volatile List<StateStatus> listed = List.of();

    private org.clearway.common.TableExport.Table table() {
        List<String> header = new java.util.ArrayList<>(List.of(getTranslation("subclusters.country"), "ISO3"));
        List<String> hxl = new java.util.ArrayList<>(List.of("#country+name", "#country+code"));
        for (String t : TreatyService.TREATIES) {
            header.add(getTranslation("treaties.short." + t));
            hxl.add("#status+" + t.toLowerCase(java.util.Locale.ROOT).replace("_", "+"));
        }
        header.add(getTranslation("treaties.short.article5"));
        hxl.add("#date+deadline+apmbc+art5");
        List<List<Object>> rows = listed.stream().map(st -> {
            List<Object> r = new java.util.ArrayList<>(List.of(st.name(), st.iso3()));
            TreatyService.TREATIES.forEach(t -> r.add(st.status(t)));
            r.add(st.article5Deadline());
            return r;
        }).toList();
        return new org.clearway.common.TableExport.Table(getTranslation("treaties.title"), header, hxl, rows);
    }

    private void refresh() {
        String t = treaty.getValue();
        List<CwMap.Layer> layers = MapLayers.defaults().stream().filter(l -> l.id().equals("countries"))
                .map(l -> l.withQuery(Map.of("treaty", t)).withStyle(l.style().colouredBy("treaty_status", MapLayers.TREATY_COLOURS)))
                .toList();
        map.setLayers(layers);
        map.setLabels(Map.of("field.name", getTranslation("map.field.name"),
                "field.iso3", getTranslation("map.field.iso3"), "field.treaty_status", getTranslation("treaty." + t),
                "details", getTranslation("treaties.profile")));
        List<StateStatus> states = treaties.states(search.getValue(), t, status.getValue().isEmpty() ? null : status.getValue());
        grid.setItems(states);
        listed = states;
        counts.setText(getTranslation("treaties.counts", getTranslation("treaty." + t), treaties.count(t, "PARTY"),
                treaties.count(t, "SIGNATORY"), treaties.count(t, "WITHDRAWAL_ANNOUNCED") + treaties.count(t, "WITHDRAWN"), states.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.treaties") + " · " + getTranslation("app.title");
    }
}
