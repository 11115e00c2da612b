package org.clearway.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clearway.common.ClearwayException;
import org.clearway.exchange.DatasetExport;
import org.clearway.exchange.ImportService;
import org.clearway.exchange.ImportService.Job;
import org.clearway.exchange.ImportService.Preview;
import org.clearway.exchange.ImportService.Source;
import org.clearway.exchange.ImportTarget;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Data exchange: every geographic dataset as CSV (HXL), XLSX, GeoJSON or GeoPackage; and imports of hazards,
 * casualties and admin areas from GeoJSON, GeoPackage or CSV: upload → field mapping → validation report and
 * preview map → import in one transaction with a progress bar (server push) and cancel.
 */
@Route("data")
@Menu(title = "nav.data", order = 8)
@PermitAll
public class DataExchangeView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(DataExchangeView.class);
    private final DatasetExport exports;
    private final ImportService imports;

    private final VerticalLayout importBox = new VerticalLayout();
    private final Div status = new Div();
    private Job job;
    private AtomicBoolean cancel;
    private volatile String[] exportChoice;

    public DataExchangeView(DatasetExport exports, ImportService imports) {
        this.exports = exports;
        this.imports = imports;
        add(new H2(getTranslation("data.title")), new Paragraph(getTranslation("data.intro")), exportSection());
        if (Arrays.stream(ImportTarget.values()).anyMatch(imports::canImport)) {
            importBox.setPadding(false);
            status.setId("import-status");
            status.getElement().setAttribute("role", "status");
            add(new H3(getTranslation("data.import")), new Paragraph(getTranslation("data.import.intro")), uploadForm(), status, importBox);
        }
    }

    // ------------------------------------------------------------------------------------------------ export

    private Component exportSection() {
        Select<DatasetExport.Dataset> dataset = new Select<>();
        dataset.setLabel(getTranslation("data.dataset"));
        dataset.setItems(exports.datasets());
        dataset.setItemLabelGenerator(d -> getTranslation("data.dataset." + d.id()));
        dataset.setValue(exports.datasets().get(4));
        dataset.setId("export-dataset");
        TextField country = new TextField(getTranslation("data.country"));
        country.setPlaceholder("UKR");
        country.setMaxLength(3);
        country.setId("export-country");
        HorizontalLayout links = new HorizontalLayout();
        links.setId("export-links");
        for (DatasetExport.Format f : DatasetExport.Format.values()) {
            Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> {
                String[] chosen = exportChoice; // captured under the session lock when the fields changed
                String iso3 = chosen[1];
                byte[] bytes = exports.export(chosen[0], iso3, f, this::columnLabel);
                return new DownloadResponse(new ByteArrayInputStream(bytes), exports.fileName(chosen[0], iso3, f), f.mediaType(),
                        bytes.length);
            }), getTranslation("data.format." + f.name()));
            a.setId("export-" + f.name().toLowerCase(Locale.ROOT));
            links.add(a);
        }
        Runnable capture = () -> exportChoice = new String[] {dataset.getValue().id(),
                country.getValue().isBlank() ? null : country.getValue().strip().toUpperCase(Locale.ROOT)};
        capture.run();
        dataset.addValueChangeListener(e -> capture.run());
        country.addValueChangeListener(e -> capture.run());
        HorizontalLayout row = new HorizontalLayout(dataset, country, links);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        Paragraph ogc = new Paragraph(getTranslation("data.ogc"));
        ogc.addClassName("cw-source");
        return new VerticalLayout(new H3(getTranslation("data.export")), row, ogc);
    }

    private String columnLabel(String key) {
        String t = getTranslation(key);
        return t.startsWith("!{") || t.equals(key) ? key.substring(key.lastIndexOf('.') + 1) : t;
    }

    // ------------------------------------------------------------------------------------------------ import

    private Component uploadForm() {
        Select<ImportTarget> target = new Select<>();
        target.setLabel(getTranslation("data.target"));
        target.setItems(Arrays.stream(ImportTarget.values()).filter(imports::canImport).toList());
        target.setItemLabelGenerator(t -> getTranslation("data.target." + t.name()));
        target.setValue(target.getListDataView().getItems().findFirst().orElse(null));
        target.setId("import-target");
        target.setMinWidth("min(30em, 100%)"); // the targets' names are long: shown whole, the row wraps on a narrow screen
        Upload upload = new Upload(UploadHandler.toTempFile((meta, file) -> {
            // Vaadin calls this in the upload request under the session lock. Reading and staging a large file takes
            // seconds, so that runs on a thread of its own with the user's security context, the page stays responsive,
            // and the result comes back by server push
            UI ui = UI.getCurrent();
            ImportTarget chosen = target.getValue();
            showStatus(getTranslation("data.import.reading", meta.fileName()), false);
            Thread.ofVirtual().name("stage-upload").start(new DelegatingSecurityContextRunnable(() -> {
                Job staged = null;
                ClearwayException error = null;
                try {
                    staged = imports.stage(chosen, meta.fileName(), file.toPath());
                } catch (ClearwayException e) {
                    error = e;
                } catch (RuntimeException e) { // whatever else went wrong: a reason on screen, the details in the log, nothing staged
                    LOG.warn("staging {} failed", meta.fileName(), e);
                    error = new ClearwayException("error.import.failed");
                } finally {
                    try {
                        Files.deleteIfExists(file.toPath());
                    } catch (java.io.IOException e) {
                        LOG.warn("could not delete the uploaded file {}", file, e);
                    }
                }
                Job result = staged;
                ClearwayException refused = error;
                try {
                    ui.access(() -> { // translated here, under the session lock, in the user's language
                        if (result != null) {
                            showJob(result);
                        } else {
                            showStatus(getTranslation(refused.key(), refused.args()), true);
                        }
                    });
                } catch (com.vaadin.flow.component.UIDetachedException gone) {
                    // the user left the page: the staged job stays theirs (the clean-up cancels it after a day)
                }
            }));
        }));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".geojson", ".json", ".gpkg", ".csv", ".zip", ".shp");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, ImportService.MAX_BYTES));
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(getTranslation("data.import.drop")));
        // the browser refuses a file before it is sent (too large, not one of the accepted types, several at once): the
        // reason the upload reports is ours, translated
        upload.setI18n(new com.vaadin.flow.component.upload.UploadI18N().setError(new com.vaadin.flow.component.upload.UploadI18N.Error()
                .setFileIsTooBig(getTranslation("error.import.too-large", String.valueOf(ImportService.MAX_BYTES / 1024 / 1024)))
                .setIncorrectFileType(getTranslation("error.import.file-type"))
                .setTooManyFiles(getTranslation("error.import.one-file"))));
        upload.addFileRejectedListener(e -> showStatus(e.getErrorMessage(), true));
        HorizontalLayout row = new HorizontalLayout(target, upload);
        row.setAlignItems(Alignment.END);
        row.setWrap(true);
        return row;
    }

    private void showStatus(String text, boolean error) {
        status.setText(text);
        status.setClassName(error ? "cw-field-error" : "");
    }

    private void showJob(Job j) {
        job = j;
        importBox.removeAll();
        showStatus(getTranslation("data.import.staged", j.fileName(), getTranslation("data.format." + j.format()), String.valueOf(j.rows()),
                "EPSG:" + j.sourceSrid()), false);
        if (!j.warnings().isEmpty()) {
            UnorderedList warnings = new UnorderedList();
            j.warnings().forEach(w -> {
                String[] kv = w.split(":", 2);
                warnings.add(new ListItem(getTranslation(kv[0], kv.length > 1 ? kv[1] : "")));
            });
            importBox.add(warnings);
        }
        FormLayout mapping = new FormLayout();
        mapping.setId("import-mapping");
        Map<String, ComboBox<String>> attributes = new LinkedHashMap<>();
        Map<String, TextField> constants = new LinkedHashMap<>();
        Map<String, Source> suggested = imports.suggestMapping(j);
        for (ImportTarget.Field f : j.target().fields()) {
            ComboBox<String> attr = new ComboBox<>(getTranslation("data.field", f.name()) + (f.required() ? " *" : ""));
            attr.setItems(j.attributes());
            attr.setClearButtonVisible(true);
            attr.setValue(suggested.get(f.name()).attribute());
            attr.setId("map-" + f.name());
            TextField constant = new TextField(getTranslation("data.field.constant"));
            constant.setValue(suggested.get(f.name()).constant() == null ? "" : suggested.get(f.name()).constant());
            constant.setId("const-" + f.name());
            if (f.allowed() != null) {
                constant.setHelperText(String.join(", ", f.allowed()));
            }
            attributes.put(f.name(), attr);
            constants.put(f.name(), constant);
            mapping.add(attr, constant);
        }
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("700px", 4));
        Button check = new Button(getTranslation("data.import.check"), e -> {
            Map<String, Source> m = new LinkedHashMap<>();
            attributes.forEach((name, attr) -> m.put(name, new Source(attr.getValue(),
                    constants.get(name).getValue().isBlank() ? null : constants.get(name).getValue().strip())));
            try {
                showPreview(imports.validate(j.id(), m));
            } catch (ClearwayException ex) {
                showStatus(getTranslation(ex.key(), ex.args()), true);
            } catch (RuntimeException ex) {
                LOG.warn("checking import {} failed", j.id(), ex);
                showStatus(getTranslation("error.import.failed"), true);
            }
        });
        check.setId("import-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(getTranslation("data.import.discard"), e -> {
            imports.cancel(j.id());
            importBox.removeAll();
            showStatus(getTranslation("data.import.discarded"), false);
        });
        importBox.add(new H3(getTranslation("data.import.mapping")), mapping, new HorizontalLayout(check, discard));
    }

    private final VerticalLayout previewBox = new VerticalLayout();

    private void showPreview(Preview p) {
        previewBox.removeAll();
        previewBox.setPadding(false);
        previewBox.setId("import-preview");
        if (importBox.indexOf(previewBox) < 0) {
            importBox.add(previewBox);
        }
        Paragraph counts = new Paragraph(getTranslation("data.import.counts", String.valueOf(p.ok()), String.valueOf(p.repaired()),
                String.valueOf(p.rejected())));
        counts.setId("import-counts");
        previewBox.add(new H3(getTranslation("data.import.report")), counts);
        if (!p.problems().isEmpty()) {
            Grid<ImportService.RowReport> grid = new Grid<>();
            grid.setId("import-problems");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addColumn(ImportService.RowReport::row).setHeader(getTranslation("data.import.row")).setAutoWidth(true);
            grid.addColumn(r -> getTranslation("data.import.status." + r.status())).setHeader(getTranslation("proposals.col.status")).setAutoWidth(true);
            grid.addColumn(r -> getTranslation(r.reasonKey(), r.reasonArg() == null ? "" : r.reasonArg()))
                    .setHeader(getTranslation("data.import.reason")).setFlexGrow(3);
            grid.setItems(p.problems());
            grid.setHeight("14rem");
            previewBox.add(grid);
        }
        if (p.sampleGeoJson() != null) {
            CwMap map = new CwMap();
            map.setId("import-map");
            map.setHeight("320px");
            map.setWidthFull();
            map.setPopups(false);
            map.setLayers(MapLayers.defaults().stream().filter(l -> List.of("countries", "admin1").contains(l.id())).toList());
            map.setLabels(Map.of("map", getTranslation("data.import.map")));
            map.setDrawn(p.sampleGeoJson());
            if (p.extent() != null) {
                map.fitExtent(p.extent()[0], p.extent()[1], p.extent()[2], p.extent()[3]);
            }
            previewBox.add(new Paragraph(getTranslation("data.import.map")), map);
        }
        int total = p.ok() + p.repaired();
        if (total == 0) {
            return;
        }
        Checkbox again = new Checkbox(getTranslation("data.import.again"));
        again.setId("import-again");
        Job current = imports.job(p.jobId());
        if (current.alreadyImported() != null) {
            Paragraph warn = new Paragraph(getTranslation("data.import.already", current.alreadyImported()));
            warn.addClassName("cw-field-error");
            previewBox.add(warn, again);
        }
        ProgressBar progress = new ProgressBar(0, total, 0);
        progress.setId("import-progress");
        progress.setVisible(false);
        Span progressText = new Span();
        progressText.setId("import-progress-text");
        Button commit = new Button(getTranslation("data.import.commit", String.valueOf(total)));
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button stop = new Button(getTranslation("data.import.cancel"), e -> {
            if (cancel != null) {
                cancel.set(true);
            }
        });
        stop.setId("import-cancel");
        stop.setVisible(false);
        commit.addClickListener(e -> {
            commit.setEnabled(false);
            stop.setVisible(true);
            progress.setVisible(true);
            cancel = new AtomicBoolean(false);
            UI ui = UI.getCurrent();
            AtomicBoolean flag = cancel;
            boolean repeat = again.getValue();
            long jobId = p.jobId();
            boolean locations = job.target() == ImportTarget.PROPOSAL_LOCATIONS;
            // the import runs on its own thread with the user's security context; progress comes back by server push
            Thread.ofVirtual().name("import-" + jobId).start(new DelegatingSecurityContextRunnable(() -> {
                String key;
                Object[] args;
                boolean failed = false;
                try {
                    int written = imports.commit(jobId, repeat, n -> {
                        try {
                            ui.access(() -> {
                                progress.setValue(n);
                                progressText.setText(getTranslation("data.import.progress", String.valueOf(n), String.valueOf(total)));
                            });
                        } catch (com.vaadin.flow.component.UIDetachedException gone) {
                            // the user left the page: the import goes on and finishes
                        }
                    }, flag);
                    key = locations ? "data.import.done-locations" : "data.import.done";
                    args = new Object[] {String.valueOf(written)};
                } catch (ClearwayException ex) {
                    key = ex.key();
                    args = ex.args();
                    failed = true;
                } catch (RuntimeException ex) {
                    LOG.warn("import {} failed", jobId, ex);
                    key = "error.import.failed";
                    args = new Object[0];
                    failed = true;
                }
                String messageKey = key;
                Object[] messageArgs = args;
                boolean error = failed;
                if (!ui.isAttached()) {
                    return;
                }
                ui.access(() -> { // translated here, in the user's locale
                    stop.setVisible(false);
                    showStatus(getTranslation(messageKey, messageArgs), error);
                    commit.setEnabled(error);
                    if (!error) {
                        progress.setValue(total);
                        importBox.removeAll();
                    }
                });
            }));
        });
        previewBox.add(new HorizontalLayout(commit, stop), progress, progressText);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("data.title") + " · Clearway";
    }
}
