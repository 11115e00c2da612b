package org.clearway.map.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import java.util.function.Consumer;
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

    AnalysisPanel(CoordinationAnalysis analysis, Consumer<Overlap> onOverlap, Consumer<CoverageGap> onGap) {
        this.analysis = analysis;
        setWidthFull();
        overlaps.setId("overlaps");
        overlaps.addThemeVariants(GridVariant.LUMO_COMPACT);
        overlaps.addColumn(o -> o.codeA() + " (" + o.organisationA() + ")").setHeader(getTranslation("map.analysis.proposal-a")).setAutoWidth(true);
        overlaps.addColumn(o -> o.codeB() + " (" + o.organisationB() + ")").setHeader(getTranslation("map.analysis.proposal-b")).setAutoWidth(true);
        overlaps.addColumn(o -> getTranslation("activity." + o.activity())).setHeader(getTranslation("map.analysis.activity"));
        overlaps.addColumn(Overlap::overlapKm2).setHeader(getTranslation("map.analysis.overlap-km2"));
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
        gaps.addColumn(CoverageGap::areaKm2).setHeader(getTranslation("map.analysis.km2"));
        gaps.setHeight("16rem");
        gaps.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                onGap.accept(e.getValue());
            }
        });
        add(getTranslation("map.analysis.deconfliction"), new VerticalLayout(overlapsNote, overlaps));
        add(getTranslation("map.analysis.gaps"), new VerticalLayout(gapsNote, gaps));
    }

    void refresh(int year, Long subclusterId) {
        List<Overlap> found = analysis.deconfliction(year, subclusterId);
        overlaps.setItems(found);
        overlapsNote.setText(getTranslation("map.analysis.deconfliction.note", found.size(), String.valueOf(year)));
        List<CoverageGap> uncovered = analysis.coverageGaps(year, subclusterId);
        gaps.setItems(uncovered);
        gapsNote.setText(getTranslation("map.analysis.gaps.note", uncovered.size(), String.valueOf(year)));
    }
}
