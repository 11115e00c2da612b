package org.clearway.common;

import java.util.List;

/**
 * CSV writing for exports: RFC 4180 quoting, and cells that a spreadsheet would take for a formula
 * ({@code = + - @}, tab, carriage return) are neutralised with a leading apostrophe.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel reads UTF-8

    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : safe(value.toString());
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Neutralises text a spreadsheet would evaluate. */
    static String safe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    public byte[] bytes() {
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
