package org.clearway.treaty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.clearway.common.ClearwayException;
import org.clearway.treaty.StateProfile;
import org.clearway.treaty.TreatyFact;
import org.clearway.treaty.TreatyService;

/** One state: its treaty facts with sources (correctable by coordinators) and what Clearway holds about it. */
@Route("treaties/:iso3")
@PermitAll
public class StateProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TreatyService treaties;
    private final org.clearway.treaty.ApmbcObligations obligations;
    private String title = "";

    public StateProfileView(TreatyService treaties, org.clearway.treaty.ApmbcObligations obligations) {
        this.treaties = treaties;
        this.obligations = obligations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("iso3").orElse("").toUpperCase(Locale.ROOT));
    }

    private void show(String iso3) {
        removeAll();
        StateProfile p = treaties.profile(iso3).orElse(null);
        if (p == null) {
            add(new H2(getTranslation("error.not-found")));
            return;
        }
        title = p.name();
        H2 heading = new H2(p.name() + " (" + p.iso3() + ")");
        heading.setId("state-name");
        Grid<TreatyFact> facts = new Grid<>();
        facts.setId("treaty-facts");
        facts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        facts.addColumn(f -> getTranslation("treaty." + f.treaty())).setHeader(getTranslation("treaties.treaty")).setAutoWidth(true);
        facts.addColumn(f -> getTranslation("map.value.treaty_status." + f.status())).setHeader(getTranslation("treaties.status"));
        facts.addColumn(TreatyFact::date).setHeader(getTranslation("treaties.date"));
        facts.addColumn(TreatyFact::note).setHeader(getTranslation("treaties.note")).setFlexGrow(2);
        facts.addComponentColumn(f -> {
            Span source = new Span(getTranslation("treaties.as-of", String.valueOf(f.asOf())));
            source.getElement().setAttribute("title", f.source());
            return source;
        }).setHeader(getTranslation("treaties.source-column"));
        if (treaties.canEdit()) {
            facts.addComponentColumn(f -> {
                Button edit = new Button(getTranslation("common.edit"), click -> edit(f, iso3));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return edit;
            });
        }
        facts.setItems(p.facts());
        facts.setAllRowsVisible(true);
        Paragraph holdings = new Paragraph(getTranslation("treaties.holdings", p.hazards(), p.hazardKm2().toPlainString(), p.casualties(),
                p.proposals()));
        holdings.setId("state-holdings");
        add(heading, facts, holdings);
        if (p.facts().stream().anyMatch(f -> f.treaty().equals("APMBC") && List.of("PARTY", "WITHDRAWAL_ANNOUNCED").contains(f.status()))) {
            add(new ObligationsPanel(obligations, iso3));
        }
        if (p.synthetic()) {
            Span demo = new Span(getTranslation("demo.badge"));
            demo.addClassName("cw-demo-badge");
            add(demo);
        }
        if (p.subclusterId() != null) {
            add(new Anchor(treaties.canEdit() ? "dashboard/" + p.subclusterId() : "subclusters",
                    getTranslation("treaties.subcluster", p.subclusterName())));
        }
        add(new Anchor("map", getTranslation("treaties.on-map")));
    }

    private void edit(TreatyFact fact, String iso3) {
        Dialog dialog = new Dialog(getTranslation("treaties.correct", getTranslation("treaty." + fact.treaty())));
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("treaties.status"));
        status.setItems(TreatyService.STATUSES);
        status.setItemLabelGenerator(s -> getTranslation("map.value.treaty_status." + s));
        status.setValue(fact.status());
        DatePicker date = new DatePicker(getTranslation("treaties.date"), fact.date());
        TextField note = new TextField(getTranslation("treaties.note"), fact.note() == null ? "" : fact.note(), "");
        TextField source = new TextField(getTranslation("treaties.source-column"), "", getTranslation("treaties.source-placeholder"));
        source.setRequiredIndicatorVisible(true);
        DatePicker asOf = new DatePicker(getTranslation("treaties.as-of-date"), LocalDate.now());
        dialog.add(new VerticalLayout(status, date, note, source, asOf));
        Button save = new Button(getTranslation("common.save"), click -> {
            try {
                treaties.correct(fact.id(), fact.version(), status.getValue(), date.getValue(), note.getValue(), source.getValue(), asOf.getValue());
                dialog.close();
                show(iso3);
                Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ClearwayException e) {
                Notification.show(getTranslation(e.key(), e.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
