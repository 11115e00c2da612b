package org.clearway.appeal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;
import org.clearway.appeal.FieldError;
import org.clearway.appeal.FundingService;
import org.clearway.appeal.ProposalService;
import org.clearway.appeal.Views.FlowView;
import org.clearway.appeal.Views.Option;
import org.clearway.appeal.Views.ProposalRow;
import org.clearway.common.ClearwayException;

/**
 * Funding flows in the FTS style (donor → recipient → proposal): the list a user's scope allows, a form for
 * coordinators, and the import of an FTS-style JSON file (all flows checked first; refused whole with the
 * reasons, or imported; a flow already imported is updated, never counted twice).
 */
@Route("funding")
@Menu(title = "nav.funding", order = 7)
@PermitAll
public class FundingView extends VerticalLayout implements HasDynamicTitle {

    private final FundingService funding;
    private final Grid<FlowView> grid = new Grid<>();
    private final Select<Integer> year = new Select<>();
    private final Div importResult = new Div();
    private volatile Integer listedYear;

    public FundingView(FundingService funding, ProposalService proposals) {
        this.funding = funding;
        setSizeFull();
        int thisYear = Year.now().getValue();
        year.setLabel(getTranslation("map.filter.year"));
        year.setEmptySelectionAllowed(true);
        year.setEmptySelectionCaption(getTranslation("common.all"));
        year.setItems(IntStream.rangeClosed(thisYear - 3, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());

        grid.setId("flows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(FlowView::date).setHeader(getTranslation("funding.date")).setAutoWidth(true).setSortable(true);
        grid.addColumn(FlowView::source).setHeader(getTranslation("funding.source")).setFlexGrow(2);
        grid.addColumn(FlowView::destination).setHeader(getTranslation("funding.destination")).setFlexGrow(2);
        grid.addComponentColumn(f -> f.proposalId() == null ? new Span("–")
                : new RouterLink(f.proposalCode(), ProposalView.class, ProposalView.params(f.proposalId())))
                .setHeader(getTranslation("funding.proposal")).setAutoWidth(true);
        grid.addColumn(f -> Formats.usd(getLocale(), f.amountUsd())).setHeader(getTranslation("funding.amount"))
                .setComparator(FlowView::amountUsd).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("funding.status." + f.status())).setHeader(getTranslation("funding.status")).setAutoWidth(true);
        grid.addColumn(f -> f.ftsFlowId() == null ? "" : f.ftsFlowId()).setHeader(getTranslation("funding.fts-id")).setAutoWidth(true);
        grid.addComponentColumn(f -> f.synthetic() ? Formats.demo(this) : new Span()).setHeader(getTranslation("common.origin"));
        if (funding.canDelete()) {
            grid.addComponentColumn(f -> {
                Button delete = new Button(getTranslation("proposal.delete"), e -> run(() -> funding.delete(f.id(), f.version())));
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return delete;
            }).setAutoWidth(true);
        }
        grid.setSizeFull();

        com.vaadin.flow.component.orderedlayout.HorizontalLayout top = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(year,
                new org.clearway.common.ui.ExportLinks(this, "flows", "funding-flows", this::table));
        top.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("funding.title")), new Paragraph(getTranslation("funding.intro")), top);
        if (funding.canRecord()) {
            add(recordForm(proposals), importForm());
        }
        add(grid);
        refresh();
    }

    private Details recordForm(ProposalService proposals) {
        List<Option> orgs = proposals.organisations();
        ComboBox<Option> source = new ComboBox<>(getTranslation("funding.source"));
        source.setItems(orgs);
        source.setItemLabelGenerator(Option::label);
        source.setId("flow-source");
        ComboBox<ProposalRow> proposal = new ComboBox<>(getTranslation("funding.proposal"));
        proposal.setItems(proposals.list(new ProposalService.Filter(null, null, null, null, null, null, null)).stream()
                .filter(p -> !List.of("DRAFT", "WITHDRAWN", "REJECTED").contains(p.status())).toList());
        proposal.setItemLabelGenerator(p -> p.code() + " · " + p.organisation() + " · " + p.title());
        proposal.setId("flow-proposal");
        ComboBox<Option> destination = new ComboBox<>(getTranslation("funding.destination"));
        destination.setItems(orgs);
        destination.setItemLabelGenerator(Option::label);
        destination.setId("flow-destination");
        proposal.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                orgs.stream().filter(o -> o.label().equals(e.getValue().organisation()) || o.label().endsWith("(" + e.getValue().organisation() + ")"))
                        .findFirst().ifPresent(destination::setValue);
            }
        });
        BigDecimalField amount = new BigDecimalField(getTranslation("funding.amount"));
        amount.setId("flow-amount");
        DatePicker date = new DatePicker(getTranslation("funding.date"));
        date.setId("flow-date");
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("funding.status"));
        status.setItems(FundingService.STATUSES);
        status.setItemLabelGenerator(s -> getTranslation("funding.status." + s));
        status.setId("flow-status");
        TextField description = new TextField(getTranslation("proposal.description"));
        Button record = new Button(getTranslation("funding.record"), e -> run(() -> funding.record(new FundingService.FlowInput(
                source.getValue() == null ? null : source.getValue().id(), destination.getValue() == null ? null : destination.getValue().id(),
                proposal.getValue() == null ? null : proposal.getValue().id(), amount.getValue(), date.getValue(), status.getValue(),
                description.getValue()))));
        record.setId("flow-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph note = new Paragraph(getTranslation("funding.counting"));
        return new Details(getTranslation("funding.record"), new FormLayout(source, proposal, destination, amount, date, status, description,
                record), note);
    }

    private Details importForm() {
        importResult.setId("import-result");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            // The service runs in the upload request (with the user's security context); the UI is updated under its lock.
            String message;
            List<String> problems = List.of();
            boolean ok = false;
            try {
                var r = funding.importFts(bytes);
                message = getTranslation("funding.import.done", String.valueOf(r.inserted()), String.valueOf(r.updated()),
                        String.valueOf(r.unchanged()), String.valueOf(r.organisationsCreated()));
                ok = true;
            } catch (FundingService.ImportRefusedException e) {
                message = getTranslation(e.key(), e.args());
                problems = e.problems().stream().limit(50)
                        .map((FieldError p) -> p.field() + ": " + getTranslation(p.key(), p.args().toArray())).toList();
            } catch (ClearwayException e) {
                message = getTranslation(e.key(), e.args());
            }
            String text = message;
            List<String> list = problems;
            boolean success = ok;
            getUI().ifPresent(ui -> ui.access(() -> {
                importResult.removeAll();
                importResult.add(new Paragraph(text));
                if (!list.isEmpty()) {
                    UnorderedList ul = new UnorderedList();
                    list.forEach(p -> ul.add(new ListItem(p)));
                    importResult.add(ul);
                }
                importResult.getElement().setAttribute("data-result", success ? "ok" : "refused");
                if (success) {
                    refresh();
                }
            }));
        }));
        upload.setId("fts-upload");
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFileSize(FundingService.MAX_IMPORT_BYTES);
        upload.setMaxFiles(1);
        importResult.getElement().setAttribute("role", "status");
        return new Details(getTranslation("funding.import"), new Paragraph(getTranslation("funding.import.help")), upload, importResult);
    }

    private void run(Runnable r) {
        try {
            r.run();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (ClearwayException e) {
            Notification n = Notification.show(getTranslation(e.key(), e.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setDuration(8_000);
        }
    }

    private void refresh() {
        listedYear = year.getValue(); // read by the export, in the download request
        grid.setItems(funding.list(listedYear));
    }

    /** The flows as listed (the year filter, the user's scope), with an HXL row; text cells never become formulas. */
    private org.clearway.common.TableExport.Table table() {
        List<String> header = List.of(getTranslation("funding.date"), getTranslation("funding.source"), getTranslation("funding.destination"),
                getTranslation("funding.proposal"), getTranslation("funding.amount"), getTranslation("funding.status"),
                getTranslation("funding.fts-id"), getTranslation("common.origin"));
        List<String> hxl = List.of("#date", "#org+funder", "#org+impl", "#activity+code", "#value+funding+usd", "#status", "#meta+fts+id",
                "#meta+synthetic");
        List<List<Object>> rows = funding.list(listedYear).stream().map(f -> java.util.Arrays.<Object>asList(f.date(), f.source(),
                f.destination(), f.proposalCode(), f.amountUsd(), getTranslation("funding.status." + f.status()), f.ftsFlowId(),
                f.synthetic() ? getTranslation("demo.badge") : "")).toList();
        return new org.clearway.common.TableExport.Table(getTranslation("funding.title"), header, hxl, rows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("funding.title") + " · Clearway";
    }
}
