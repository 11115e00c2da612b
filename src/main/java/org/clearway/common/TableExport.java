package org.clearway.common;

import java.util.List;

/** A list as CSV (header row, HXL hashtag row, formula-safe cells) or as XLSX (the same two header rows, typed cells). */
public final class TableExport {

    /** A list ready to export: its sheet name, the translated header, the HXL hashtag row and the rows. */
    public record Table(String sheet, List<String> header, List<String> hxl, List<? extends List<?>> rows) {

        public byte[] csv() {
            return TableExport.csv(header, hxl, rows);
        }

        public byte[] xlsx() {
            return TableExport.xlsx(sheet, header, hxl, rows);
        }
    }

    private TableExport() {
    }

    public static byte[] csv(List<String> header, List<String> hxl, List<? extends List<?>> rows) {
        CsvWriter csv = new CsvWriter().row(header).row(hxl);
        rows.forEach(csv::row);
        return csv.bytes();
    }

    public static byte[] xlsx(String sheet, List<String> header, List<String> hxl, List<? extends List<?>> rows) {
        try (XlsxWriter x = new XlsxWriter(sheet)) {
            x.header(header).header(hxl);
            rows.forEach(x::row);
            return x.bytes();
        }
    }
}
