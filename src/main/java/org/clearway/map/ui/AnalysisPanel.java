package org.clearway.map.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.clearway.common.TableExport;
import org.clearway.common.ui.ExportLinks;
import org.clearway.map.query.CoordinationAnalysis;
import org.clearway.map.query.CoverageGap;
import org.clearway.map.query.Overlap;

/** Deconfliction (overlapping proposals) and coverage gaps (uncovered hazards), listed and highlighted on the map. */
class AnalysisPanel extends TabSheet {

    private final CoordinationAnalysis analysis;
    private final Grid<Overlap> overlaps = new Grid<>();
    private final Grid<CoverageGap> gaps = new Grid<>();
    private final Paragraph overlapsNote = new Paragraph();
    private final Paragraph gapsNote = new Paragraph();
    /** What the lists show, as export tables: built in {@link #refresh} (under the session lock), written out on download. */
    private volatile TableExport.Table overlapsTable;
    private volatile TableExport.Table gapsTable;
    private final NumberFormat km2Format = NumberFormat.getNumberInstance(getLocale());

    AnalysisPanel(CoordinationAnalysis analysis, Consumer<Overlap> onOverlap, Consumer<CoverageGap> onGap) {
        this.analysis = analysis;
        setWidthFull();
        overlaps.setId("overlaps");
        overlaps.addThemeVariants(GridVariant.LUMO_COMPACT);
        overlaps.addColumn(o -> o.codeA() + " (" + o.organisationA() + ")").setHeader(getTranslation("map.analysis.proposal-a")).setAutoWidth(true);
        overlaps.addColumn(o -> o.codeB() + " (" + o.organisationB() + ")").setHeader(getTranslation("map.analysis.proposal-b")).setAutoWidth(true);
        overlaps.addColumn(o -> getTranslation("activity." + o.activity())).setHeader(getTranslation("map.analysis.activity"));
        overlaps.addColumn(o -> km2(o.overlapKm2())).setHeader(getTranslation("map.analysis.overlap-km2"));
        overlaps.setHeight("16rem");
        overlaps.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onOverlap.accept(e.getValue());
            }
        });
        gaps.setId("coverage-gaps");
        gaps.addThemeVariants(GridVariant.LUMO_COMPACT);
        gaps.addColumn(g -> g.name() + " (" + g.pcode() + ")").setHeader(getTranslation("map.analysis.area")).setAutoWidth(true);
        gaps.addColumn(CoverageGap::hazards).setHeader(getTranslation("map.analysis.hazards"));
        gaps.addColumn(g -> km2(g.areaKm2())).setHeader(getTranslation("map.analysis.km2"));
        gaps.setHeight("16rem");
        gaps.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onGap.accept(e.getValue());
            }
        });
        add(getTranslation("map.analysis.deconfliction"), new VerticalLayout(overlapsNote,
                new ExportLinks(this, "overlaps-export", "deconfliction", () -> overlapsTable), overlaps));
        add(getTranslation("map.analysis.gaps"), new VerticalLayout(gapsNote,
                new ExportLinks(this, "coverage-gaps-export", "coverage-gaps", () -> gapsTable), gaps));
    }

    void refresh(int year, Long subclusterId) {
        List<Overlap> found = analysis.deconfliction(year, subclusterId);
        overlaps.setItems(found);
        overlapsNote.setText(getTranslation("map.analysis.deconfliction.note", found.size(), String.valueOf(year)));
        List<CoverageGap> uncovered = analysis.coverageGaps(year, subclusterId);
        gaps.setItems(uncovered);
        gapsNote.setText(getTranslation("map.analysis.gaps.note", uncovered.size(), String.valueOf(year)));
        String a = getTranslation("map.analysis.proposal-a");
        String b = getTranslation("map.analysis.proposal-b");
        String org = getTranslation("map.field.organisation");
        overlapsTable = new TableExport.Table(getTranslation("map.analysis.deconfliction"),
                List.of(a, a + " – " + org, b, b + " – " + org, getTranslation("map.analysis.activity"), getTranslation("map.analysis.overlap-km2")),
                List.of("#activity+code+a", "#org+a", "#activity+code+b", "#org+b", "#sector+activity", "#area+km2+overlap"),
                found.stream().map(o -> Arrays.<Object>asList(o.codeA(), o.organisationA(), o.codeB(), o.organisationB(),
                        getTranslation("activity." + o.activity()), o.overlapKm2())).toList());
        gapsTable = new TableExport.Table(getTranslation("map.analysis.gaps"),
                List.of(getTranslation("map.analysis.area"), getTranslation("dashboard.5w.col.pcode"), getTranslation("map.field.iso3"), getTranslation("map.analysis.hazards"),
                        getTranslation("map.analysis.km2")),
                List.of("#adm1+name", "#adm1+code", "#country+code", "#meta+hazards", "#area+km2+uncovered"),
                uncovered.stream().map(g -> Arrays.<Object>asList(g.name(), g.pcode(), g.iso3(), g.hazards(), g.areaKm2())).toList());
    }

    private String km2(java.math.BigDecimal value) {
        return value == null ? "" : km2Format.format(value);
    }
}
