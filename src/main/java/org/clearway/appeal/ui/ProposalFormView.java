package org.clearway.appeal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearway.appeal.FieldError;
import org.clearway.appeal.PolygonFile;
import org.clearway.appeal.ProposalInput;
import org.clearway.appeal.ProposalService;
import org.clearway.appeal.ProposalValidationException;
import org.clearway.appeal.Views.AreaOption;
import org.clearway.appeal.Views.Option;
import org.clearway.appeal.Views.PlanOption;
import org.clearway.common.ClearwayException;
import org.clearway.common.ConcurrentEditException;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Entering or revising a proposal. Nothing is written until the whole input is valid; every problem is
 * shown at once, next to its field and in a summary; a refused save (someone else saved first) keeps the input.
 * Locations: admin areas picked by name or P-code, or by clicking on the map, and/or one polygon drawn or uploaded.
 */
@Route("proposals/new")
@RouteAlias("proposals/:id([0-9]+)/edit")
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR", "PARTNER"})
public class ProposalFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProposalService proposals;
    private Long id;
    private ProposalInput input = new ProposalInput();

    private final Div summary = new Div();
    private final ComboBox<PlanOption> plan = new ComboBox<>();
    private final ComboBox<Option> organisation = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final CheckboxGroup<String> activities = new CheckboxGroup<>();
    private final BigDecimalField requirements = new BigDecimalField();
    private final VerticalLayout budgetLines = new VerticalLayout();
    private final Span budgetTotal = new Span();
    private final List<BudgetRow> budgetRows = new ArrayList<>();
    private final Map<String, IntegerField> targets = new LinkedHashMap<>();
    private final Select<Integer> gam = new Select<>();
    private final DatePicker start = new DatePicker();
    private final DatePicker end = new DatePicker();
    private final MultiSelectComboBox<AreaOption> areas = new MultiSelectComboBox<>();
    private final CwMap map = new CwMap();
    private final Span polygonState = new Span();
    private final Div budgetError = new Div();
    private final Div targetsError = new Div();
    private final Div polygonError = new Div();
    private Geometry polygon;
    private String pageTitle = "";

    private record BudgetRow(TextField description, BigDecimalField amount, HorizontalLayout layout) {
    }

    public ProposalFormView(ProposalService proposals) {
        this.proposals = proposals;
        setMaxWidth("1100px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        id = event.getRouteParameters().get("id").map(Long::valueOf).orElse(null);
        if (id != null) {
            try {
                input = proposals.input(id);
            } catch (ClearwayException e) {
                add(new H2(getTranslation(e.key(), e.args())), new RouterLink(getTranslation("proposals.back"), ProposalListView.class));
                return;
            }
        } else {
            input = new ProposalInput();
        }
        pageTitle = getTranslation(id == null ? "proposal.form.new" : "proposal.form.edit");
        build();
        fill();
    }

    private void build() {
        summary.setId("form-errors");
        summary.getElement().setAttribute("role", "alert");
        summary.setVisible(false);
        summary.getStyle().set("border-inline-start", "4px solid var(--lumo-error-color)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-error-color-10pct)").set("width", "100%").set("box-sizing", "border-box");

        plan.setLabel(getTranslation("proposal.plan"));
        plan.setId("plan");
        plan.setItems(proposals.plansForEntry());
        plan.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        plan.setRequired(true);
        plan.setEnabled(id == null);
        plan.addValueChangeListener(e -> planChanged(e.getValue()));
        organisation.setLabel(getTranslation("proposals.col.organisation"));
        organisation.setId("organisation");
        List<Option> orgs = proposals.organisationsForEntry();
        organisation.setItems(orgs);
        organisation.setItemLabelGenerator(Option::label);
        organisation.setRequired(true);
        organisation.setEnabled(id == null && orgs.size() > 1);
        title.setLabel(getTranslation("proposals.col.title"));
        title.setId("title");
        title.setMaxLength(300);
        title.setRequired(true);
        description.setLabel(getTranslation("proposal.description"));
        description.setMaxLength(10_000);
        activities.setLabel(getTranslation("proposals.col.activities"));
        activities.setId("activities");
        activities.setItems(ProposalService.ACTIVITIES);
        activities.setItemLabelGenerator(a -> getTranslation("activity." + a));
        requirements.setLabel(getTranslation("proposal.requirements-usd"));
        requirements.setId("requirements");
        requirements.addValueChangeListener(e -> updateBudgetTotal());
        gam.setLabel(getTranslation("proposal.gam"));
        gam.setItems(0, 1, 2, 3, 4);
        gam.setItemLabelGenerator(g -> g == null ? "" : getTranslation("proposal.gam." + g));
        gam.setEmptySelectionAllowed(true);
        start.setLabel(getTranslation("proposal.start"));
        start.setId("start");
        end.setLabel(getTranslation("proposal.end"));
        end.setId("end");

        FormLayout general = new FormLayout(plan, organisation, title, description, activities, gam, start, end);
        general.setColspan(title, 2);
        general.setColspan(description, 2);
        general.setColspan(activities, 2);

        // budget
        budgetLines.setPadding(false);
        budgetLines.setSpacing(false);
        budgetLines.setId("budget-lines");
        Button addLine = new Button(getTranslation("proposal.budget.add"), e -> addBudgetRow(null));
        addLine.setId("add-budget-line");
        budgetTotal.setId("budget-total");
        budgetError.addClassName("cw-field-error");
        budgetError.setId("budget-error");
        VerticalLayout budget = new VerticalLayout(requirements, budgetLines, new HorizontalLayout(addLine, budgetTotal), budgetError);
        budget.setPadding(false);

        // targets
        FormLayout targetForm = new FormLayout();
        for (String k : List.of("girls", "boys", "women", "men", "older", "pwd")) {
            IntegerField f = new IntegerField(getTranslation("proposal.target." + k));
            f.setMin(0);
            f.setId("target-" + k);
            targets.put(k, f);
            targetForm.add(f);
        }
        targetForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("600px", 6));
        targetsError.addClassName("cw-field-error");

        // locations
        areas.setLabel(getTranslation("proposal.locations"));
        areas.setId("areas");
        areas.setItemLabelGenerator(a -> a.name() + " (" + a.pcode() + ")");
        areas.setWidthFull();
        areas.setHelperText(getTranslation("proposal.locations.help"));
        areas.addValueChangeListener(e -> map.setSelection(new CwMap.Selection("admin1", e.getValue().stream().map(AreaOption::id).toList())));
        map.setHeight("380px");
        map.setId("location-map");
        map.setPopups(false);
        map.setLabels(Map.of("map", getTranslation("proposal.locations.map")));
        map.setLayers(MapLayers.defaults().stream().filter(l -> List.of("countries", "admin1").contains(l.id()))
                .map(l -> l.id().equals("admin1") ? l.withVisible(true) : l).toList());
        map.addClickListener(e -> {
            if ("admin1".equals(e.layer()) && e.featureId() != null) {
                toggleArea(Long.parseLong(e.featureId()));
            }
        });
        map.addDrawListener(e -> {
            try {
                setPolygon(PolygonFile.read(e.geoJson()));
            } catch (ClearwayException ex) {
                polygonError.setText(getTranslation(ex.key(), ex.args()));
            }
        });
        Button draw = new Button(getTranslation("proposal.polygon.draw"));
        draw.setId("draw-polygon");
        draw.addClickListener(e -> {
            boolean on = !"true".equals(draw.getElement().getAttribute("aria-pressed"));
            draw.getElement().setAttribute("aria-pressed", String.valueOf(on));
            draw.setText(getTranslation(on ? "proposal.polygon.draw-stop" : "proposal.polygon.draw"));
            map.setDrawEnabled(on);
        });
        Button clear = new Button(getTranslation("proposal.polygon.clear"), e -> setPolygon(null));
        clear.setId("clear-polygon");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            Geometry read;
            try {
                read = PolygonFile.read(bytes);
            } catch (ClearwayException ex) {
                getUI().ifPresent(ui -> ui.access(() -> polygonError.setText(getTranslation(ex.key(), ex.args()))));
                return;
            }
            getUI().ifPresent(ui -> ui.access(() -> setPolygon(read)));
        }));
        upload.setId("polygon-upload");
        upload.setAcceptedFileTypes(".geojson", ".json", "application/geo+json", "application/json");
        upload.setMaxFileSize(PolygonFile.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("proposal.polygon.upload")));
        upload.setDropLabel(new Span(getTranslation("proposal.polygon.drop")));
        upload.addFileRejectedListener(e -> polygonError.setText(getTranslation("error.polygon-file.too-large",
                String.valueOf(PolygonFile.MAX_BYTES / 1024 / 1024))));
        polygonError.addClassName("cw-field-error");
        polygonError.setId("polygon-error");
        polygonState.setId("polygon-state");
        HorizontalLayout polygonTools = new HorizontalLayout(draw, clear, upload, polygonState);
        polygonTools.setAlignItems(Alignment.CENTER);
        polygonTools.getStyle().set("flex-wrap", "wrap");

        Button save = new Button(getTranslation(id == null ? "proposal.form.create" : "proposal.form.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save");
        RouterLink cancel = id == null ? new RouterLink(getTranslation("common.cancel"), ProposalListView.class)
                : new RouterLink(getTranslation("common.cancel"), ProposalView.class, ProposalView.params(id));

        add(new RouterLink(getTranslation("proposals.back"), ProposalListView.class), new H2(pageTitle), summary, general,
                new H3(getTranslation("proposal.budget")), budget,
                new H3(getTranslation("proposal.targets")), new Paragraph(getTranslation("proposal.targets.help")), targetForm, targetsError,
                new H3(getTranslation("proposal.locations")), areas, polygonTools, polygonError, map,
                new HorizontalLayout(save, cancel));
    }

    private void fill() {
        if (input.getResponsePlanId() != null) {
            plan.getListDataView().getItems().filter(p -> p.id() == input.getResponsePlanId()).findFirst().ifPresentOrElse(plan::setValue,
                    () -> plan.setItems(List.of()));
        }
        List<Option> orgs = organisation.getListDataView().getItems().toList();
        orgs.stream().filter(o -> input.getOrganisationId() != null ? o.id() == input.getOrganisationId() : orgs.size() == 1)
                .findFirst().ifPresent(organisation::setValue);
        title.setValue(input.getTitle() == null ? "" : input.getTitle());
        description.setValue(input.getDescription() == null ? "" : input.getDescription());
        activities.setValue(input.getActivities());
        requirements.setValue(input.getRequirementsUsd());
        budgetRows.clear();
        budgetLines.removeAll();
        if (input.getBudgetLines().isEmpty()) {
            addBudgetRow(null);
        } else {
            input.getBudgetLines().forEach(this::addBudgetRow);
        }
        targets.get("girls").setValue(input.getGirls());
        targets.get("boys").setValue(input.getBoys());
        targets.get("women").setValue(input.getWomen());
        targets.get("men").setValue(input.getMen());
        targets.get("older").setValue(input.getOlderPersons());
        targets.get("pwd").setValue(input.getPersonsWithDisabilities());
        gam.setValue(input.getGamCode());
        start.setValue(input.getStartDate());
        end.setValue(input.getEndDate());
        Set<Long> chosen = input.getAdminAreaIds();
        areas.setValue(areas.getListDataView().getItems().filter(a -> chosen.contains(a.id())).collect(Collectors.toSet()));
        setPolygon(input.getPolygon());
        updateBudgetTotal();
    }

    private void planChanged(PlanOption p) {
        Set<Long> kept = areas.getValue().stream().map(AreaOption::id).collect(Collectors.toSet());
        List<AreaOption> options = p == null ? List.of() : proposals.areasOfPlan(p.id());
        areas.setItems(options);
        areas.setValue(options.stream().filter(a -> kept.contains(a.id())).collect(Collectors.toSet()));
        if (p != null) {
            if (start.isEmpty()) {
                start.setValue(java.time.LocalDate.of(p.year(), 1, 1));
            }
            if (end.isEmpty()) {
                end.setValue(java.time.LocalDate.of(p.year(), 12, 31));
            }
            proposals.extentOfCountry(p.iso3()).ifPresent(e -> map.fitExtent(e[0], e[1], e[2], e[3]));
        }
    }

    private void toggleArea(long areaId) {
        Set<AreaOption> value = new LinkedHashSet<>(areas.getValue());
        areas.getListDataView().getItems().filter(a -> a.id() == areaId).findFirst().ifPresent(a -> {
            if (!value.remove(a)) {
                value.add(a);
            }
            areas.setValue(value);
        });
    }

    private void setPolygon(Geometry g) {
        polygon = g;
        polygonError.setText("");
        map.setDrawn(g == null ? null : new GeoJsonWriter().write(g).replace(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}}", ""));
        polygonState.setText(g == null ? getTranslation("proposal.polygon.none")
                : getTranslation("proposal.polygon.set", String.valueOf(g.getNumPoints())));
        if (g != null) {
            var env = g.getEnvelopeInternal();
            map.fitExtent(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
        }
    }

    private void addBudgetRow(ProposalInput.BudgetLine line) {
        int n = budgetRows.size() + 1;
        TextField d = new TextField(getTranslation("proposal.budget.line"));
        d.setId("budget-description-" + n);
        d.setMaxLength(500);
        BigDecimalField a = new BigDecimalField(getTranslation("proposal.budget.amount"));
        a.setId("budget-amount-" + n);
        a.addValueChangeListener(e -> updateBudgetTotal());
        if (line != null) {
            d.setValue(line.getDescription() == null ? "" : line.getDescription());
            a.setValue(line.getAmountUsd());
        }
        HorizontalLayout layout = new HorizontalLayout(d, a);
        BudgetRow row = new BudgetRow(d, a, layout);
        Button remove = new Button(getTranslation("proposal.budget.remove"), e -> {
            budgetRows.remove(row);
            budgetLines.remove(layout);
            updateBudgetTotal();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        layout.add(remove);
        layout.setAlignItems(Alignment.BASELINE);
        budgetRows.add(row);
        budgetLines.add(layout);
    }

    private void updateBudgetTotal() {
        BigDecimal sum = budgetRows.stream().map(r -> r.amount().getValue()).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal req = requirements.getValue();
        budgetTotal.setText(getTranslation("proposal.budget.sum", Formats.usd(getLocale(), sum),
                req == null ? "–" : Formats.usd(getLocale(), req)));
        budgetTotal.getStyle().set("color", req != null && sum.compareTo(req) == 0 ? "var(--lumo-success-text-color)" : "var(--lumo-secondary-text-color)");
    }

    private ProposalInput read() {
        ProposalInput in = input; // the same object: a refused save keeps every value the user typed
        in.setResponsePlanId(plan.getValue() == null ? null : plan.getValue().id());
        in.setOrganisationId(organisation.getValue() == null ? null : organisation.getValue().id());
        in.setTitle(title.getValue());
        in.setDescription(description.getValue());
        in.setActivities(activities.getValue());
        in.setRequirementsUsd(requirements.getValue());
        in.setBudgetLines(budgetRows.stream().filter(r -> !(r.description().isEmpty() && r.amount().isEmpty()))
                .map(r -> new ProposalInput.BudgetLine(r.description().getValue(), r.amount().getValue())).toList());
        in.setGirls(targets.get("girls").getValue());
        in.setBoys(targets.get("boys").getValue());
        in.setWomen(targets.get("women").getValue());
        in.setMen(targets.get("men").getValue());
        in.setOlderPersons(targets.get("older").getValue());
        in.setPersonsWithDisabilities(targets.get("pwd").getValue());
        in.setGamCode(gam.getValue());
        in.setStartDate(start.getValue());
        in.setEndDate(end.getValue());
        in.setAdminAreaIds(areas.getValue().stream().map(AreaOption::id).collect(Collectors.toCollection(LinkedHashSet::new)));
        in.setPolygon(polygon);
        return in;
    }

    private void save() {
        clearErrors();
        ProposalInput in = read();
        try {
            long saved;
            if (id == null) {
                saved = proposals.create(in);
            } else {
                proposals.update(id, in);
                saved = id;
            }
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(ProposalView.class, ProposalView.params(saved));
        } catch (ProposalValidationException e) {
            showErrors(e.errors());
        } catch (ConcurrentEditException e) {
            showErrors(List.of(new FieldError("form", e.key(), e.args())));
        } catch (ClearwayException e) {
            showErrors(List.of(new FieldError("form", e.key(), e.args())));
        }
    }

    private void clearErrors() {
        summary.removeAll();
        summary.setVisible(false);
        List.<HasValidation>of(plan, organisation, title, description, activities, requirements, start, end, areas)
                .forEach(f -> f.setInvalid(false));
        budgetError.setText("");
        targetsError.setText("");
        polygonError.setText("");
    }

    private void showErrors(List<FieldError> errors) {
        UnorderedList list = new UnorderedList();
        for (FieldError e : errors) {
            String text = getTranslation(e.key(), e.args().toArray());
            list.add(new ListItem(text));
            switch (e.field()) {
                case "plan" -> invalid(plan, text);
                case "organisation" -> invalid(organisation, text);
                case "title" -> invalid(title, text);
                case "description" -> invalid(description, text);
                case "activities" -> invalid(activities, text);
                case "requirements" -> invalid(requirements, text);
                case "budget" -> budgetError.setText(budgetError.getText() + " " + text);
                case "targets", "gam" -> targetsError.setText(text);
                case "dates" -> {
                    invalid(start, text);
                    invalid(end, text);
                }
                case "locations" -> invalid(areas, text);
                case "polygon" -> polygonError.setText(text);
                default -> {
                }
            }
        }
        summary.add(new Span(getTranslation("proposal.form.errors", String.valueOf(errors.size()))), list);
        summary.setVisible(true);
        summary.getElement().callJsFunction("scrollIntoView");
    }

    private static void invalid(Component field, String message) {
        if (field instanceof HasValidation v) {
            v.setErrorMessage(message);
            v.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle + " · Clearway";
    }
}
