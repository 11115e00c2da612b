package org.clearway.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX exports (Apache POI, streaming). Text is always written as a text cell, so a value such as
 * {@code =HYPERLINK(...)} is shown, never evaluated; numbers and dates are real numbers and dates.
 */
public final class XlsxWriter implements AutoCloseable {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final CellStyle bold;
    private final CellStyle date;
    private int rowIndex;

    public XlsxWriter(String sheetName) {
        sheet = workbook.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    public XlsxWriter header(List<String> cells) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < cells.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(cells.get(i));
            c.setCellStyle(bold);
        }
        return this;
    }

    public XlsxWriter row(List<?> cells) {
        Row row = sheet.createRow(rowIndex++);
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            switch (v) {
                case BigDecimal d -> c.setCellValue(d.doubleValue());
                case Number n -> c.setCellValue(n.doubleValue());
                case Boolean b -> c.setCellValue(b);
                case LocalDate d -> {
                    c.setCellValue(d);
                    c.setCellStyle(date);
                }
                default -> c.setCellValue(v.toString());
            }
        }
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
