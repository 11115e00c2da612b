package org.clearway.appeal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.clearway.appeal.Views.ProposalRow;
import org.clearway.common.CsvWriter;
import org.clearway.common.XlsxWriter;

/** A proposal list (one queue, as filtered) as CSV with an HXL hashtag row, or as XLSX with the same two header rows. */
public final class ProposalExport {

    static final List<String> COLUMNS = List.of("code", "title", "organisation", "subcluster", "plan", "year", "status", "activities",
            "requirements", "funded", "gap", "people", "updated", "origin");

    public static final List<String> HXL = List.of("#activity+code", "#activity+name", "#org+impl", "#sector+name", "#meta+plan+code",
            "#date+year", "#status", "#activity+type", "#value+funding+required+usd", "#value+funding+total+usd",
            "#value+funding+gap+usd", "#targeted", "#date+updated", "#meta+synthetic");

    private ProposalExport() {
    }

    /** {@code label} translates a column name ({@code proposals.col.<name>}) or a code ({@code map.value.status.X}, {@code activity.X}). */
    public static byte[] csv(List<ProposalRow> rows, Function<String, String> label) {
        CsvWriter csv = new CsvWriter().row(COLUMNS.stream().map(c -> label.apply("proposals.col." + c)).toList()).row(HXL);
        rows.forEach(r -> csv.row(cells(r, label)));
        return csv.bytes();
    }

    public static byte[] xlsx(List<ProposalRow> rows, Function<String, String> label) {
        try (XlsxWriter x = new XlsxWriter(label.apply("proposals.title"))) {
            x.header(COLUMNS.stream().map(c -> label.apply("proposals.col." + c)).toList()).header(HXL);
            rows.forEach(r -> x.row(cells(r, label)));
            return x.bytes();
        }
    }

    private static List<Object> cells(ProposalRow r, Function<String, String> label) {
        return Arrays.asList(r.code(), r.title(), r.organisation(), r.subcluster(), r.planCode(), r.year(),
                label.apply("map.value.status." + r.status()), String.join("; ", r.activities().stream().map(a -> label.apply("activity." + a)).toList()),
                r.requirementsUsd(), r.fundedUsd(), r.gapUsd(), r.peopleTargeted(),
                r.updatedAt() == null ? null : r.updatedAt().toLocalDate(), r.synthetic() ? label.apply("demo.badge") : "");
    }
}
