package org.clearway.briefing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.clearway.appeal.ProposalService;
import org.clearway.appeal.Views.Option;
import org.clearway.briefing.BriefingContent;
import org.clearway.briefing.BriefingPdf;
import org.clearway.briefing.BriefingService;
import org.clearway.common.ClearwayException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Geneva donor briefings: choose global or one sub-cluster and a plan year, write the narrative, then generate the
 * PDF pack (progress shown page by page) or open the full-screen presentation with the same content.
 */
@Route("briefings")
@Menu(title = "nav.briefings", order = 9)
@RolesAllowed({"ADMIN", "GLOBAL_COORDINATOR", "SUBCLUSTER_LEAD"})
public class BriefingView extends VerticalLayout implements HasDynamicTitle {

    static final Option GLOBAL = new Option(0, "");

    private final BriefingService briefings;
    private final Grid<BriefingService.Saved> saved = new Grid<>();
    private final TextField title = new TextField();
    private final ComboBox<Option> scope = new ComboBox<>();
    private final Select<Integer> year = new Select<>();
    private final TextArea narrative = new TextArea();
    private final Div output = new Div();
    private BriefingService.Saved current;

    public BriefingView(BriefingService briefings, ProposalService proposals, org.clearway.security.CurrentUser currentUser) {
        this.briefings = briefings;
        boolean global = currentUser.isGlobal();
        title.setLabel(getTranslation("briefing.title-field"));
        title.setId("briefing-title");
        title.setWidthFull();
        title.setValue(getTranslation("briefing.default-title"));
        List<Option> scopes = new ArrayList<>();
        if (global) {
            scopes.add(GLOBAL);
        }
        var scopeIds = currentUser.find().map(s -> s.subclusterIds()).orElse(java.util.Set.of());
        proposals.subclusters().stream().filter(o -> global || scopeIds.contains(o.id())).forEach(scopes::add);
        scope.setLabel(getTranslation("briefing.scope"));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(o -> o.id() == 0 ? getTranslation("briefing.scope.global") : o.label());
        scope.setValue(scopes.isEmpty() ? null : scopes.get(0));
        scope.setId("briefing-scope");
        int thisYear = Year.now().getValue();
        year.setLabel(getTranslation("map.filter.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 3, thisYear + 1).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(thisYear);
        year.setId("briefing-year");
        narrative.setLabel(getTranslation("briefing.narrative"));
        narrative.setHelperText(getTranslation("briefing.narrative.help"));
        narrative.setValue(getTranslation("briefing.narrative.template"));
        narrative.setWidthFull();
        narrative.setMinHeight("10rem");
        narrative.setMaxLength(20_000);
        narrative.setId("briefing-narrative");

        saved.setId("briefings");
        saved.addThemeVariants(GridVariant.LUMO_COMPACT);
        saved.addColumn(BriefingService.Saved::title).setHeader(getTranslation("briefing.title-field")).setFlexGrow(2);
        saved.addColumn(b -> b.subclusterId() == null ? getTranslation("briefing.scope.global")
                : scopes.stream().filter(o -> o.id() == b.subclusterId()).map(Option::label).findFirst().orElse("")).setHeader(getTranslation("briefing.scope"));
        saved.addColumn(BriefingService.Saved::year).setHeader(getTranslation("map.filter.year"));
        saved.setHeight("10rem");
        saved.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(e.getValue(), scopes);
            }
        });

        Button save = new Button(getTranslation("briefing.save"), e -> save());
        save.setId("briefing-save");
        Button pdf = new Button(getTranslation("briefing.generate"), e -> {
            if (save() != null) {
                generate();
            }
        });
        pdf.setId("briefing-pdf");
        pdf.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button present = new Button(getTranslation("briefing.present"), e -> {
            Long id = save();
            if (id != null) {
                UI.getCurrent().navigate(PresentationView.class, new RouteParameters("id", String.valueOf(id)));
            }
        });
        present.setId("briefing-present");
        output.setId("briefing-output");
        FormLayout form = new FormLayout(title, scope, year, narrative);
        form.setColspan(title, 2);
        form.setColspan(narrative, 2);
        add(new H2(getTranslation("briefing.page-title")), new Paragraph(getTranslation("briefing.intro")), new H3(getTranslation("briefing.saved")),
                saved, form, new HorizontalLayout(save, pdf, present), output);
        refresh();
    }

    private void load(BriefingService.Saved b, List<Option> scopes) {
        current = b;
        title.setValue(b.title());
        scope.setValue(b.subclusterId() == null ? GLOBAL : scopes.stream().filter(o -> o.id() == b.subclusterId()).findFirst().orElse(null));
        year.setValue(b.year());
        narrative.setValue(b.narrative());
    }

    private void refresh() {
        saved.setItems(briefings.list());
    }

    /** Saves the form (new or current briefing); returns its id, or null with the reason shown. */
    private Long save() {
        try {
            Long subcluster = scope.getValue() == null || scope.getValue().id() == 0 ? null : scope.getValue().id();
            long id = briefings.save(current == null ? null : current.id(), current == null ? 0 : current.version(), subcluster,
                    year.getValue(), title.getValue(), narrative.getValue());
            current = briefings.get(id);
            refresh();
            return id;
        } catch (ClearwayException e) {
            output.removeAll();
            Span error = new Span(getTranslation(e.key(), e.args()));
            error.addClassName("cw-field-error");
            output.add(error);
            return null;
        }
    }

    private void generate() {
        output.removeAll();
        long id = current.id();
        UI ui = UI.getCurrent();
        java.util.Locale locale = getLocale();
        ProgressBar progress = new ProgressBar();
        progress.setId("briefing-progress");
        Span status = new Span(getTranslation("briefing.generating"));
        status.setId("briefing-status");
        output.add(status, progress);
        long started = System.nanoTime();
        Thread.ofVirtual().name("briefing-" + id).start(new DelegatingSecurityContextRunnable(() -> {
            try {
                BriefingContent content = briefings.content(id);
                BriefingPdf pdf = new BriefingPdf(content, locale, (key, args) -> ui.getTranslation(locale, key, args),
                        c -> briefings.mapData(c, content.year()));
                int pages = pdf.pageCount();
                byte[] bytes = pdf.write(done -> ui.access(() -> progress.setValue((double) done / pages)));
                long ms = (System.nanoTime() - started) / 1_000_000;
                ui.access(() -> {
                    output.removeAll();
                    String name = "clearway-briefing-" + content.year() + (content.scope() == null ? "-global" : "-" + content.countries().get(0).iso3().toLowerCase(java.util.Locale.ROOT)) + ".pdf";
                    Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(bytes), name,
                            "application/pdf", bytes.length)), getTranslation("briefing.download", name));
                    download.setId("briefing-download");
                    Span done = new Span(getTranslation("briefing.done", String.valueOf(pages), String.valueOf(ms / 100 / 10.0)));
                    done.setId("briefing-status");
                    output.add(done, new Paragraph(download));
                });
            } catch (RuntimeException ex) {
                ClearwayException e = ex instanceof ClearwayException c ? c : new ClearwayException("error.briefing.failed");
                ui.access(() -> {
                    output.removeAll();
                    Span error = new Span(getTranslation(e.key(), e.args()));
                    error.addClassName("cw-field-error");
                    output.add(error);
                });
            }
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("briefing.page-title") + " · Clearway";
    }
}
