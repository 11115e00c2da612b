package org.clearway.briefing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.clearway.common.Amounts;
import org.clearway.dashboard.query.Rows;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The briefing pack as a PDF, A4 landscape, drawn with PDFBox: cover, key figures with the funding chart, one page per
 * country with its map (vector, drawn from PostGIS geometries on the server), treaty status, partnership needs versus
 * offers, and the narrative. Fonts: DejaVu Sans (Debian's fonts-dejavu-core) embedded; Helvetica otherwise.
 */
public final class BriefingPdf {

    static final float W = PDRectangle.A4.getHeight();
    static final float H = PDRectangle.A4.getWidth();
    static final float M = 40;
    static final Color INK = new Color(0x1f, 0x2d, 0x3d);
    static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    static final Color BRAND = new Color(0x1f, 0x5f, 0xa8);
    static final Color FUNDED = new Color(0x4c, 0x9a, 0x6a);
    static final Color REQUIRED = new Color(0xd0, 0xd4, 0xd9);

    private final BriefingContent content;
    private final Locale locale;
    private final BiFunction<String, Object[], String> t;
    private final java.util.function.Function<BriefingContent.CountryPage, BriefingService.MapData> maps;
    private PDDocument doc;
    private PDFont regular;
    private PDFont bold;
    private boolean unicode;

    /** {@code t} translates a key with arguments; {@code maps} loads a country's map geometries. */
    public BriefingPdf(BriefingContent content, Locale locale, BiFunction<String, Object[], String> t,
                       java.util.function.Function<BriefingContent.CountryPage, BriefingService.MapData> maps) {
        this.content = content;
        this.locale = locale;
        this.t = t;
        this.maps = maps;
    }

    private String tr(String key, Object... args) {
        return t.apply(key, args);
    }

    /** Writes the pack; {@code progress} receives the number of pages done (of {@link #pageCount()}). */
    public byte[] write(IntConsumer progress) {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            fonts();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(content.title());
            info.setCreator("Clearway");
            int done = 0;
            cover();
            progress.accept(++done);
            figures();
            progress.accept(++done);
            for (BriefingContent.CountryPage c : content.countries()) {
                country(c);
                progress.accept(++done);
            }
            treatiesAndPartnerships();
            progress.accept(++done);
            if (!content.narrative().isBlank()) {
                narrative();
                progress.accept(++done);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages before the narrative, plus at least one for it (a long narrative continues on more pages). */
    public int pageCount() {
        return 3 + content.countries().size() + (content.narrative().isBlank() ? 0 : 1);
    }

    private void fonts() throws IOException {
        File sans = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        File sansBold = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
        if (sans.canRead() && sansBold.canRead()) {
            regular = PDType0Font.load(doc, sans);
            bold = PDType0Font.load(doc, sansBold);
            unicode = true;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
    }

    /** Text the fonts can show; other characters become "?". */
    private String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                regular.encode(ch); // a glyph the font lacks (emoji, CJK with DejaVu; anything non-WinAnsi with Helvetica)
                bold.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ pages

    private PDPageContentStream page(String heading) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        PDPageContentStream cs = new PDPageContentStream(doc, page);
        cs.setNonStrokingColor(BRAND);
        cs.addRect(0, H - 8, W, 8);
        cs.fill();
        if (heading != null) {
            text(cs, bold, 20, INK, M, H - 50, heading);
        }
        String footer = content.title() + " · " + content.year() + (content.synthetic() ? " · " + tr("briefing.pdf.synthetic") : "");
        text(cs, regular, 8, MUTED, M, 20, footer);
        text(cs, regular, 8, MUTED, W - M - 40, 20, String.valueOf(doc.getNumberOfPages()));
        return cs;
    }

    private void cover() throws IOException {
        try (PDPageContentStream cs = page(null)) {
            cs.setNonStrokingColor(BRAND);
            cs.addRect(0, 0, 14, H);
            cs.fill();
            text(cs, regular, 14, MUTED, M + 20, H - 150, tr("briefing.pdf.kicker"));
            text(cs, bold, 30, INK, M + 20, H - 195, content.title());
            text(cs, regular, 18, INK, M + 20, H - 230, content.scope() == null ? tr("briefing.scope.global") : content.scope());
            text(cs, regular, 14, MUTED, M + 20, H - 260, tr("briefing.pdf.year", String.valueOf(content.year())));
            text(cs, regular, 11, MUTED, M + 20, H - 290,
                    tr("briefing.pdf.generated", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(LocalDate.now())));
            if (content.synthetic()) {
                cs.setNonStrokingColor(new Color(0xfd, 0xe0, 0xc5));
                cs.addRect(M + 20, 90, W - 2 * M - 40, 40);
                cs.fill();
                text(cs, bold, 12, INK, M + 32, 106, tr("briefing.pdf.synthetic-note"));
            }
        }
    }

    private void figures() throws IOException {
        var f = content.figures();
        try (PDPageContentStream cs = page(tr("briefing.pdf.figures"))) {
            String[][] cards = {
                {Amounts.compactUsd(locale, f.requirementsUsd()), tr("dashboard.kf.required", String.valueOf(content.year()))},
                {Amounts.compactUsd(locale, f.fundedUsd()), tr("dashboard.kf.funded", f.percentFunded().toPlainString())},
                {Amounts.compactUsd(locale, f.gapUsd()), tr("dashboard.kf.gap")},
                {Amounts.count(locale, f.proposals()), tr("dashboard.kf.proposals", Amounts.count(locale, f.partners()))},
                {Amounts.count(locale, f.peopleTargeted()), tr("dashboard.kf.people")}};
            float cw = (W - 2 * M - 4 * 12) / 5;
            for (int i = 0; i < cards.length; i++) {
                float x = M + i * (cw + 12);
                cs.setNonStrokingColor(new Color(0xf4, 0xf5, 0xf6));
                cs.addRect(x, H - 150, cw, 80);
                cs.fill();
                text(cs, bold, 20, INK, x + 10, H - 105, cards[i][0]);
                wrap(cs, regular, 9, MUTED, x + 10, H - 125, cw - 20, cards[i][1], 3);
            }
            // funding chart: requirements and funding by country (global) or by partner (a sub-cluster)
            List<String> labels = new ArrayList<>();
            List<BigDecimal[]> values = new ArrayList<>();
            if (content.scope() == null) {
                for (Rows.SubclusterFunding s : content.fundingByCountry()) {
                    labels.add(s.country());
                    values.add(new BigDecimal[] {s.requirementsUsd(), s.fundedUsd()});
                }
            } else {
                for (Rows.PartnerFunding p : content.fundingByPartner()) {
                    labels.add(p.organisation());
                    values.add(new BigDecimal[] {p.requirementsUsd(), p.fundedUsd()});
                }
            }
            text(cs, bold, 12, INK, M, H - 180, tr(content.scope() == null ? "briefing.pdf.chart-country" : "briefing.pdf.chart-partner"));
            bars(cs, labels, values, M, 50, W - 2 * M, H - 240);
        }
    }

    private void bars(PDPageContentStream cs, List<String> labels, List<BigDecimal[]> values, float x, float y, float w, float h)
            throws IOException {
        int n = Math.min(labels.size(), 20);
        if (n == 0) {
            text(cs, regular, 10, MUTED, x, y + h - 20, tr("briefing.pdf.no-data"));
            return;
        }
        double max = values.stream().limit(n).mapToDouble(v -> v[0].max(v[1]).doubleValue()).max().orElse(1);
        float row = Math.min(24, (h - 20) / n);
        float labelW = 150;
        float barW = w - labelW - 90;
        for (int i = 0; i < n; i++) {
            float top = y + h - (i + 1) * row;
            text(cs, regular, Math.min(9, row * 0.6f), INK, x, top + row * 0.3f, truncate(labels.get(i), 28));
            float req = (float) (values.get(i)[0].doubleValue() / max * barW);
            float fund = (float) (values.get(i)[1].doubleValue() / max * barW);
            cs.setNonStrokingColor(REQUIRED);
            cs.addRect(x + labelW, top + row * 0.15f, Math.max(req, 0.5f), row * 0.7f);
            cs.fill();
            cs.setNonStrokingColor(FUNDED);
            cs.addRect(x + labelW, top + row * 0.15f, Math.max(fund, 0.5f), row * 0.7f);
            cs.fill();
            text(cs, regular, Math.min(8, row * 0.55f), MUTED, x + labelW + Math.max(req, fund) + 6, top + row * 0.3f,
                    Amounts.compactUsd(locale, values.get(i)[1]) + " / " + Amounts.compactUsd(locale, values.get(i)[0]));
        }
        legend(cs, x + labelW, y - 18, new Color[] {FUNDED, REQUIRED}, new String[] {tr("briefing.pdf.funded"), tr("briefing.pdf.required")});
    }

    private void country(BriefingContent.CountryPage c) throws IOException {
        try (PDPageContentStream cs = page(c.country())) {
            float mapX = M;
            float mapY = 50;
            float mapW = W * 0.6f;
            float mapH = H - 120;
            map(cs, maps.apply(c), mapX, mapY, mapW, mapH);
            float x = mapX + mapW + 25;
            float y = H - 90;
            String[][] facts = {
                {tr("briefing.pdf.required"), Amounts.compactUsd(locale, c.requirementsUsd())},
                {tr("briefing.pdf.funded"), Amounts.compactUsd(locale, c.fundedUsd())},
                {tr("briefing.pdf.hazard-km2"), c.hazardKm2().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " km²"},
                {tr("briefing.pdf.casualties", String.valueOf(content.year() - 4), String.valueOf(content.year())), Amounts.count(locale, c.casualties())}};
            for (String[] f : facts) {
                text(cs, regular, 9, MUTED, x, y, f[0]);
                text(cs, bold, 15, INK, x, y - 18, unicode ? f[1] : f[1].replace("km²", "km2"));
                y -= 44;
            }
            text(cs, bold, 11, INK, x, y, tr("briefing.pdf.treaties"));
            y -= 16;
            for (var e : c.treatyStatus().entrySet()) {
                y = wrap(cs, regular, 9, INK, x, y, W - x - M, tr("treaty." + e.getKey()) + ": " + tr("map.value.treaty_status." + e.getValue()), 3)
                        - 3;
            }
            legend(cs, mapX, mapY - 20, new Color[] {new Color(204, 0, 0), new Color(246, 178, 107), FUNDED},
                    new String[] {tr("briefing.pdf.cha"), tr("briefing.pdf.sha"), tr("briefing.pdf.proposals")});
        }
    }

    /** A country map drawn as vectors: neighbours, admin areas, hazards (SHA, CHA), accepted proposals' outlines. */
    private void map(PDPageContentStream cs, BriefingService.MapData data, float x, float y, float w, float h) throws IOException {
        double[] e = data.extent();
        // Web Mercator y, so shapes look as on the screen map
        double y0 = merc(e[1]);
        double y1 = merc(e[3]);
        double sx = w / (e[2] - e[0]);
        double sy = h / (y1 - y0);
        double s = Math.min(sx, sy) * 0.95;
        double ox = x + (w - (e[2] - e[0]) * s) / 2;
        double oy = y + (h - (y1 - y0) * s) / 2;
        Projector p = (lon, lat) -> new float[] {(float) (ox + (lon - e[0]) * s), (float) (oy + (merc(lat) - y0) * s)};
        cs.saveGraphicsState();
        cs.addRect(x, y, w, h);
        cs.clip();
        cs.setNonStrokingColor(new Color(0xe8, 0xf0, 0xf7));
        cs.addRect(x, y, w, h);
        cs.fill();
        draw(cs, data.neighbours(), p, new Color(0xee, 0xee, 0xee), new Color(0xb8, 0xc0, 0xc8), 0.4f);
        draw(cs, data.country(), p, new Color(0xfa, 0xfa, 0xf7), new Color(0x5f, 0x6b, 0x7a), 0.8f);
        draw(cs, data.adminAreas(), p, null, new Color(0xb8, 0xc0, 0xc8), 0.3f);
        draw(cs, data.sha(), p, new Color(246, 178, 107), new Color(0xb4, 0x5f, 0x06), 0.2f);
        draw(cs, data.cha(), p, new Color(204, 0, 0), new Color(0x7f, 0, 0), 0.2f);
        draw(cs, data.proposals(), p, null, FUNDED, 1.0f);
        cs.restoreGraphicsState();
        cs.setStrokingColor(REQUIRED);
        cs.addRect(x, y, w, h);
        cs.stroke();
    }

    private interface Projector {
        float[] at(double lon, double lat);
    }

    private static double merc(double lat) {
        double r = Math.toRadians(Math.max(-85, Math.min(85, lat)));
        return Math.toDegrees(Math.log(Math.tan(Math.PI / 4 + r / 2)));
    }

    private static void draw(PDPageContentStream cs, List<byte[]> shapes, Projector p, Color fill, Color stroke, float width) throws IOException {
        WKBReader reader = new WKBReader();
        for (byte[] wkb : shapes) {
            Geometry g;
            try {
                g = reader.read(wkb);
            } catch (ParseException e) {
                continue;
            }
            boolean any = false;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon poly) {
                    var env = poly.getEnvelopeInternal();
                    float[] a = p.at(env.getMinX(), env.getMinY());
                    float[] b = p.at(env.getMaxX(), env.getMaxY());
                    if (Math.abs(b[0] - a[0]) < 2.5f && Math.abs(b[1] - a[1]) < 2.5f) { // too small to see: a dot where it is
                        cs.addRect((a[0] + b[0]) / 2 - 1.25f, (a[1] + b[1]) / 2 - 1.25f, 2.5f, 2.5f);
                        any = true;
                        continue;
                    }
                    ring(cs, poly.getExteriorRing().getCoordinates(), p);
                    for (int r = 0; r < poly.getNumInteriorRing(); r++) {
                        ring(cs, poly.getInteriorRingN(r).getCoordinates(), p);
                    }
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            if (fill != null && stroke != null) {
                cs.setNonStrokingColor(fill);
                cs.setStrokingColor(stroke);
                cs.setLineWidth(width);
                cs.fillAndStrokeEvenOdd();
            } else if (fill != null) {
                cs.setNonStrokingColor(fill);
                cs.fillEvenOdd();
            } else {
                cs.setStrokingColor(stroke);
                cs.setLineWidth(width);
                cs.stroke();
            }
        }
    }

    private static void ring(PDPageContentStream cs, Coordinate[] coords, Projector p) throws IOException {
        for (int i = 0; i < coords.length; i++) {
            float[] xy = p.at(coords[i].x, coords[i].y);
            if (i == 0) {
                cs.moveTo(xy[0], xy[1]);
            } else {
                cs.lineTo(xy[0], xy[1]);
            }
        }
        cs.closePath();
    }

    private void treatiesAndPartnerships() throws IOException {
        try (PDPageContentStream cs = page(tr("briefing.pdf.treaties-partnerships"))) {
            float y = H - 95;
            text(cs, bold, 13, INK, M, y, tr("briefing.pdf.treaties"));
            y -= 24;
            for (var e : content.treatyParties().entrySet()) {
                text(cs, bold, 22, BRAND, M, y, String.valueOf(e.getValue()));
                text(cs, regular, 11, INK, M + 70, y + 4, tr("briefing.pdf.parties", tr("treaty." + e.getKey())));
                y -= 34;
            }
            text(cs, regular, 8, MUTED, M, y, tr("briefing.pdf.treaty-source"));
            float x = W / 2 + 10;
            y = H - 95;
            text(cs, bold, 13, INK, x, y, tr("briefing.pdf.partnerships"));
            y -= 40;
            double max = Math.max(1, Math.max(content.openNeedsUsd().doubleValue(), content.pledgedSupportUsd().doubleValue()));
            float bw = W / 2 - M - 40;
            String[] names = {content.scope() == null ? tr("briefing.pdf.needs") : tr("briefing.pdf.needs-of", content.scope()),
                tr("briefing.pdf.offers")};
            BigDecimal[] amounts = {content.openNeedsUsd(), content.pledgedSupportUsd()};
            Color[] colours = {new Color(0xe4, 0x57, 0x2e), FUNDED};
            for (int i = 0; i < 2; i++) {
                text(cs, regular, 11, INK, x, y + 26, names[i] + ": " + Amounts.compactUsd(locale, amounts[i]));
                cs.setNonStrokingColor(colours[i]);
                cs.addRect(x, y, (float) (amounts[i].doubleValue() / max * bw) + 0.5f, 18);
                cs.fill();
                y -= 60;
            }
        }
    }

    /** The narrative, continued on further pages when it is long (up to the 20,000 characters a briefing holds). */
    private void narrative() throws IOException {
        PDPageContentStream cs = page(tr("briefing.pdf.narrative"));
        try {
            float y = H - 90;
            for (String paragraph : content.narrative().split("\\R\\s*\\R")) {
                for (String line : lines(regular, 12, W - 2 * M, paragraph.replaceAll("\\s+", " "))) {
                    if (y < 50) {
                        cs.close();
                        cs = page(tr("briefing.pdf.narrative"));
                        y = H - 90;
                    }
                    text(cs, regular, 12, INK, M, y, line);
                    y -= 12 * 1.35f;
                }
                y -= 10;
            }
        } finally {
            cs.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ text

    private void text(PDPageContentStream cs, PDFont font, float size, Color colour, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, y);
        cs.showText(safe(s));
        cs.endText();
    }

    /** Writes words over lines of {@code width}; returns the y below the last line. */
    private float wrap(PDPageContentStream cs, PDFont font, float size, Color colour, float x, float y, float width, String s, int maxLines)
            throws IOException {
        List<String> lines = lines(font, size, width, s);
        for (String l : lines.subList(0, Math.min(lines.size(), maxLines))) {
            text(cs, font, size, colour, x, y, l);
            y -= size * 1.35f;
        }
        return y;
    }

    private List<String> lines(PDFont font, float size, float width, String s) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(s).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private void legend(PDPageContentStream cs, float x, float y, Color[] colours, String[] names) throws IOException {
        for (int i = 0; i < colours.length; i++) {
            cs.setNonStrokingColor(colours[i]);
            cs.addRect(x, y, 10, 8);
            cs.fill();
            text(cs, regular, 8, MUTED, x + 14, y + 1, names[i]);
            x += 24 + regular.getStringWidth(safe(names[i])) / 1000 * 8;
        }
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
