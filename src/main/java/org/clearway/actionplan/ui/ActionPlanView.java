package org.clearway.actionplan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.clearway.actionplan.ActionPlanService;
import org.clearway.actionplan.ActionPlanService.ActionRef;
import org.clearway.actionplan.ActionPlanService.Cell;
import org.clearway.common.ClearwayException;

/** The Oslo Action Plan: a state x section matrix of reported progress, and one action's progress across states (exportable). */
@Route("action-plan")
@Menu(title = "nav.action-plan", order = 23)
@PermitAll
public class ActionPlanView extends VerticalLayout implements HasDynamicTitle {

    private final ActionPlanService plans;
    private final Select<Integer> year = new Select<>();
    private final Select<ActionRef> action = new Select<>();
    private final VerticalLayout matrixBox = new VerticalLayout();
    private final Grid<ActionPlanService.Progress> progress = new Grid<>();
    private final HorizontalLayout exportBox = new HorizontalLayout();

    public ActionPlanView(ActionPlanService plans) {
        this.plans = plans;
        year.setLabel(getTranslation("map.filter.year"));
        year.setItems(2020, 2021, 2022, 2023, 2024);
        year.setValue(2024);
        year.addValueChangeListener(e -> refresh());
        action.setLabel(getTranslation("action-plan.action"));
        action.setItems(plans.actions("OAP"));
        action.setItemLabelGenerator(a -> getTranslation("action-plan.action-label", String.valueOf(a.number()), a.section()));
        action.addValueChangeListener(e -> showAction());
        matrixBox.setPadding(false);
        progress.setId("action-progress");
        progress.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        progress.addColumn(ActionPlanService.Progress::state).setHeader(getTranslation("subclusters.country")).setAutoWidth(true);
        progress.addColumn(p -> getTranslation("action-plan.status." + p.status())).setHeader(getTranslation("map.field.status"));
        progress.addColumn(ActionPlanService.Progress::note).setHeader(getTranslation("treaties.note")).setFlexGrow(2);
        progress.addColumn(p -> p.synthetic() ? getTranslation("demo.badge") : p.source()).setHeader(getTranslation("treaties.source-column"));
        progress.setAllRowsVisible(true);
        Paragraph note = new Paragraph(getTranslation("action-plan.note"));
        note.addClassName("cw-source");
        add(new H2(getTranslation("action-plan.title")), note, year, new H3(getTranslation("action-plan.matrix")), matrixBox,
                new H3(getTranslation("action-plan.by-action")), new HorizontalLayout(action, exportBox), progress);
        if (plans.canEdit()) {
            add(recordForm());
        }
        refresh();
    }

    private void refresh() {
        matrixBox.removeAll();
        List<Cell> cells = plans.matrix("OAP", year.getValue());
        TreeSet<String> sections = new TreeSet<>(java.util.Comparator.comparing(ActionPlanView::romanOrder));
        Map<String, Map<String, Cell>> byState = new LinkedHashMap<>();
        for (Cell c : cells) {
            sections.add(c.section());
            byState.computeIfAbsent(c.state(), k -> new LinkedHashMap<>()).put(c.section(), c);
        }
        Grid<Map.Entry<String, Map<String, Cell>>> grid = new Grid<>();
        grid.setId("action-matrix");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addColumn(Map.Entry::getKey).setHeader(getTranslation("subclusters.country")).setAutoWidth(true).setFrozen(true);
        for (String section : sections) {
            grid.addComponentColumn(e -> {
                Cell c = e.getValue().get(section);
                Span span = new Span(c == null ? "" : c.percentAchieved() + " %");
                if (c != null) {
                    span.getStyle().set("background", colour(c)).set("padding-inline", "var(--lumo-space-s)").set("border-radius", "4px");
                    span.getElement().setAttribute("title", getTranslation("action-plan.cell", c.achieved(), c.inProgress(), c.reported()));
                }
                return span;
            }).setHeader(section).setWidth("6rem").setFlexGrow(0);
        }
        grid.setItems(byState.entrySet());
        grid.setAllRowsVisible(true);
        matrixBox.add(grid);
        showAction();
    }

    /** Records a state's progress on the selected action for the selected year. */
    private Details recordForm() {
        TextField state = new TextField(getTranslation("partnership.state"));
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("map.field.status"));
        status.setItems(ActionPlanService.STATUSES.stream().sorted().toList());
        status.setItemLabelGenerator(s -> getTranslation("action-plan.status." + s));
        TextField noteField = new TextField(getTranslation("treaties.note"));
        TextField source = new TextField(getTranslation("treaties.source-column"));
        Button save = new Button(getTranslation("common.save"), click -> {
            try {
                if (action.getValue() == null) {
                    throw new ClearwayException("action-plan.choose-action");
                }
                plans.record(action.getValue().id(), state.getValue().strip().toUpperCase(Locale.ROOT), year.getValue(),
                        status.getValue(), noteField.getValue(), source.getValue());
                refresh();
                Notification.show(getTranslation("common.saved"));
            } catch (ClearwayException e) {
                Notification.show(getTranslation(e.key(), e.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return new Details(getTranslation("action-plan.record"),
                new FormLayout(state, status, noteField, source, save));
    }

    private static String colour(Cell c) {
        int p = c.percentAchieved();
        return p >= 75 ? "#b7e1cd" : p >= 40 ? "#fce8b2" : c.inProgress() > 0 ? "#fde0c5" : "#f4c7c3";
    }

    private static int romanOrder(String s) {
        return List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X").indexOf(s) + 1;
    }

    private void showAction() {
        exportBox.removeAll();
        ActionRef a = action.getValue();
        if (a == null) {
            progress.setItems(List.of());
            return;
        }
        int y = year.getValue();
        progress.setItems(plans.progress(a.id(), y));
        exportBox.add(new org.clearway.common.ui.ExportLinks(this, "action-export", "oap-action-" + a.number() + "-" + y,
                () -> plans.exportTable(a.id(), y, this::getTranslation)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.action-plan") + " · " + getTranslation("app.title");
    }
}
