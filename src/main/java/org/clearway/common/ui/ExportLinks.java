package org.clearway.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.clearway.common.TableExport;

/**
 * The "Export CSV (HXL)" and "Export XLSX" links every list carries. The table is built when the user clicks,
 * in the download request: {@code table} must read state captured under the session lock, not live components.
 */
public final class ExportLinks extends HorizontalLayout {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Links with ids {@code <id>-csv} and {@code <id>-xlsx}, files {@code <fileBase>.csv} and {@code <fileBase>.xlsx}. */
    public ExportLinks(Component owner, String id, String fileBase, Supplier<TableExport.Table> table) {
        add(link(owner.getTranslation("proposals.export.csv"), id + "-csv", () -> fileBase + ".csv", "text/csv", () -> table.get().csv()),
                link(owner.getTranslation("proposals.export.xlsx"), id + "-xlsx", () -> fileBase + ".xlsx", XLSX, () -> table.get().xlsx()));
        setAlignItems(Alignment.BASELINE);
    }

    /** One download link; the file name and the bytes are produced when the user clicks. */
    public static Anchor link(String text, String id, Supplier<String> fileName, String mediaType, Supplier<byte[]> bytes) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] b = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(b), fileName.get(), mediaType, b.length);
        }), text);
        a.setId(id);
        return a;
    }
}
