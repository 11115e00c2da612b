package org.clearway.appeal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.clearway.appeal.ProposalExport;
import org.clearway.appeal.ProposalService;
import org.clearway.appeal.ProposalService.Filter;
import org.clearway.appeal.Views.Option;
import org.clearway.appeal.Views.ProposalRow;
import org.clearway.appeal.Workflow;
import org.clearway.common.ui.ExportLinks;

/**
 * The proposals a user's scope allows, with filters by plan year, sub-cluster, organisation, status (the queues:
 * submitted, under review...), activity and text; each queue exports as CSV (with HXL) and XLSX.
 * {@code ?status=SUBMITTED} opens a queue directly.
 */
@Route("proposals")
@Menu(title = "nav.proposals", order = 6)
@PermitAll
public class ProposalListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ProposalService proposals;
    private final Grid<ProposalRow> grid = new Grid<>();
    private final Select<Integer> year = new Select<>();
    private final ComboBox<Option> subcluster = new ComboBox<>();
    private final ComboBox<Option> organisation = new ComboBox<>();
    private final Select<String> status = new Select<>();
    private final Select<String> activity = new Select<>();
    private final TextField text = new TextField();
    private final Paragraph count = new Paragraph();
    private volatile Filter listed = Filter.ALL;

    public ProposalListView(ProposalService proposals, org.clearway.appeal.ReviewCommittee reviewCommittee) {
        this.proposals = proposals;
        setSizeFull();
        int thisYear = Year.now().getValue();
        year.setLabel(getTranslation("map.filter.year"));
        year.setId("filter-year");
        year.setEmptySelectionAllowed(true);
        year.setEmptySelectionCaption(getTranslation("common.all"));
        year.setItems(IntStream.rangeClosed(thisYear - 3, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(thisYear);
        subcluster.setLabel(getTranslation("proposals.col.subcluster"));
        subcluster.setItems(proposals.subclusters());
        subcluster.setItemLabelGenerator(Option::label);
        subcluster.setClearButtonVisible(true);
        organisation.setLabel(getTranslation("proposals.col.organisation"));
        organisation.setItems(proposals.organisations());
        organisation.setItemLabelGenerator(Option::label);
        organisation.setClearButtonVisible(true);
        status.setLabel(getTranslation("proposals.queue"));
        status.setId("filter-status");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("common.all"));
        status.setItems(Workflow.STATES);
        status.setItemLabelGenerator(s -> s == null ? getTranslation("common.all") : getTranslation("map.value.status." + s));
        activity.setLabel(getTranslation("proposals.col.activities"));
        activity.setEmptySelectionAllowed(true);
        activity.setEmptySelectionCaption(getTranslation("common.all"));
        activity.setItems(ProposalService.ACTIVITIES);
        activity.setItemLabelGenerator(a -> a == null ? getTranslation("common.all") : getTranslation("activity." + a));
        text.setLabel(getTranslation("proposals.search"));
        text.setId("filter-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        List.of(year, status, activity).forEach(c -> c.addValueChangeListener(e -> refresh()));
        List.of(subcluster, organisation).forEach(c -> c.addValueChangeListener(e -> refresh()));
        text.addValueChangeListener(e -> refresh());

        grid.setId("proposals");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The code is a link: keyboard and screen-reader users open a proposal like any link; a click on the row does too.
        grid.addComponentColumn(r -> new com.vaadin.flow.router.RouterLink(r.code(), ProposalView.class, ProposalView.params(r.id())))
                .setHeader(getTranslation("proposals.col.code")).setAutoWidth(true).setComparator(ProposalRow::code);
        grid.addColumn(ProposalRow::title).setHeader(getTranslation("proposals.col.title")).setFlexGrow(3);
        grid.addColumn(ProposalRow::organisation).setHeader(getTranslation("proposals.col.organisation")).setAutoWidth(true).setSortable(true);
        grid.addColumn(ProposalRow::subcluster).setHeader(getTranslation("proposals.col.subcluster")).setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(r -> Formats.status(this, r.status())).setHeader(getTranslation("proposals.col.status")).setAutoWidth(true)
                .setComparator(ProposalRow::status);
        grid.addColumn(r -> Formats.usd(getLocale(), r.requirementsUsd())).setHeader(getTranslation("proposals.col.requirements"))
                .setComparator(ProposalRow::requirementsUsd).setAutoWidth(true);
        grid.addColumn(r -> Formats.percent(getLocale(), r.fundedUsd(), r.requirementsUsd())).setHeader(getTranslation("proposals.col.funded"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> r.synthetic() ? Formats.demo(this) : new com.vaadin.flow.component.html.Span())
                .setHeader(getTranslation("common.origin")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (proposals.canCreate()) {
            Button create = new Button(getTranslation("proposals.new"), e -> getUI().ifPresent(ui -> ui.navigate(ProposalFormView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-proposal");
            actions.add(create);
        }
        if (reviewCommittee.canManage()) {
            Button reviewers = new Button(getTranslation("review-committee.title"),
                    e -> new ReviewCommitteeDialog(reviewCommittee, proposals.plansForEntry()).open());
            reviewers.setId("review-committee-open");
            actions.add(reviewers);
        }
        Function<String, String> label = this::getTranslation;
        Anchor csv = ExportLinks.link(getTranslation("proposals.export.csv"), "export-csv", () -> fileName(listed, "csv"), "text/csv",
                () -> ProposalExport.csv(proposals.list(listed), label));
        Anchor xlsx = ExportLinks.link(getTranslation("proposals.export.xlsx"), "export-xlsx", () -> fileName(listed, "xlsx"), ExportLinks.XLSX,
                () -> ProposalExport.xlsx(proposals.list(listed), label));
        actions.add(csv, xlsx, count);

        FlexLayout filters = new FlexLayout(year, subcluster, organisation, status, activity, text);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("proposals.title")), new Paragraph(getTranslation("proposals.intro")), filters, actions, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        params.getOrDefault("status", List.of()).stream().filter(Workflow.STATES::contains).findFirst().ifPresent(status::setValue);
        params.getOrDefault("year", List.of()).stream().filter(y -> y.matches("\\d{4}")).findFirst()
                .ifPresent(y -> year.setValue(Integer.valueOf(y)));
        refresh();
    }

    private Filter filter() {
        return new Filter(year.getValue(), null, subcluster.getValue() == null ? null : subcluster.getValue().id(),
                organisation.getValue() == null ? null : organisation.getValue().id(), status.getValue(), activity.getValue(),
                text.getValue());
    }

    private static String fileName(Filter f, String extension) {
        List<String> parts = new ArrayList<>(List.of("proposals"));
        if (f.year() != null) {
            parts.add(String.valueOf(f.year()));
        }
        if (f.status() != null) {
            parts.add(f.status().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join("-", parts) + "." + extension;
    }

    private void refresh() {
        listed = filter(); // what the exports use: read here, under the session lock, not in the download request
        List<ProposalRow> rows = proposals.list(listed);
        grid.setItems(rows);
        count.setText(getTranslation("proposals.count", String.valueOf(rows.size())));
    }

    private void open(ProposalRow row) {
        getUI().ifPresent(ui -> ui.navigate(ProposalView.class, new RouteParameters("id", String.valueOf(row.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("proposals.title") + " · Clearway";
    }
}
