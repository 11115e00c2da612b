package org.clearway.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clearway.appeal.Workflow.Action;
import org.clearway.appeal.Workflow.Relation;
import org.clearway.common.ClearwayException;
import org.junit.jupiter.api.Test;

/** The workflow table on its own: states and roles, allowed and refused. */
class WorkflowTest {

    static final Relation OWNER = new Relation(true, false, false);
    static final Relation REVIEWER = new Relation(false, true, false);
    static final Relation LEAD = new Relation(false, true, true);

    @Test
    void each_action_is_allowed_only_from_its_states_and_to_its_role() {
        assertThat(Workflow.available("DRAFT", OWNER)).containsExactlyInAnyOrder(Action.SUBMIT, Action.WITHDRAW);
        assertThat(Workflow.available("DRAFT", LEAD)).isEmpty();
        assertThat(Workflow.available("SUBMITTED", LEAD)).containsExactly(Action.START_REVIEW);
        assertThat(Workflow.available("UNDER_REVIEW", REVIEWER)).containsExactlyInAnyOrder(Action.APPROVE, Action.REQUEST_REVISION, Action.REJECT);
        assertThat(Workflow.available("APPROVED", REVIEWER)).as("an appointed reviewer does not publish").isEmpty();
        assertThat(Workflow.available("APPROVED", LEAD)).containsExactly(Action.PUBLISH);
        assertThat(Workflow.available("PUBLISHED", LEAD)).containsExactly(Action.CLOSE);
        assertThat(Workflow.available("REVISION_REQUESTED", OWNER)).containsExactlyInAnyOrder(Action.SUBMIT, Action.WITHDRAW);
        for (String end : new String[] {"CLOSED", "REJECTED", "WITHDRAWN"}) {
            assertThat(Workflow.available(end, new Relation(true, true, true))).as(end).isEmpty();
        }
    }

    @Test
    void the_state_is_named_before_the_role_in_a_refusal() {
        assertThat(Workflow.refusal(Action.PUBLISH, "SUBMITTED", OWNER)).isEqualTo("error.proposal.transition");
        assertThat(Workflow.refusal(Action.PUBLISH, "APPROVED", OWNER)).isEqualTo("error.proposal.not-allowed");
        assertThat(Workflow.refusal(Action.PUBLISH, "APPROVED", LEAD)).isNull();
    }

    @Test
    void polygon_files_keep_x_and_y_and_refuse_what_is_not_a_polygon() {
        var g = PolygonFile.read("""
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[2, 2], [3, 2], [3, 3], [2, 2]]]}}]}""");
        assertThat(g.getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(Double.isNaN(g.getCoordinates()[0].getZ())).as("z dropped").isTrue();
        assertThat(g.getSRID()).isEqualTo(4326);
        assertThatThrownBy(() -> PolygonFile.read("{\"type\": \"Point\", \"coordinates\": [1, 2]}"))
                .isInstanceOf(ClearwayException.class).hasMessage("error.proposal.polygon-type");
        assertThatThrownBy(() -> PolygonFile.read("{not json")).hasMessage("error.polygon-file.json");
        assertThatThrownBy(() -> PolygonFile.read(new byte[0])).hasMessage("error.polygon-file.empty");
        assertThatThrownBy(() -> PolygonFile.read("{\"type\": \"FeatureCollection\", \"features\": []}"))
                .hasMessage("error.polygon-file.no-polygon");
    }

    @Test
    void exports_carry_the_hxl_row_and_neutralise_formulas() throws Exception {
        var row = new Views.ProposalRow(1, "HUKR26-PRO-MIN-1", "=HYPERLINK(\"http://evil\")", "HALO", "Ukraine", "HUKR26", 2026, "PUBLISHED",
                java.util.List.of("EORE"), new java.math.BigDecimal("100.00"), new java.math.BigDecimal("40.00"), 10, null, true);
        String csv = new String(ProposalExport.csv(java.util.List.of(row), k -> k), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[1]).startsWith("#activity+code,#activity+name,#org+impl").contains("#value+funding+required+usd");
        assertThat(lines[2]).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",100.00,40.00,60.00,10,");
        byte[] xlsx = ProposalExport.xlsx(java.util.List.of(row), k -> k);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("#value+funding+required+usd");
            var title = sheet.getRow(2).getCell(1);
            assertThat(title.getCellType()).as("text, never a formula").isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(100.0);
        }
    }
}
