package org.clearway.actionplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clearway.actionplan.ActionPlanService.ActionRef;
import org.clearway.actionplan.ActionPlanService.Cell;
import org.clearway.common.AccessRefusedException;
import org.clearway.test.AsUser;
import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** The Oslo Action Plan matrix and per-action export on hand-made progress of a test state. */
@ClearwayTest
@Transactional
class ActionPlanServiceIT {

    @Autowired
    ActionPlanService plans;
    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void the_matrix_counts_achieved_over_reported_and_the_export_is_formula_safe() {
        db.execute("INSERT INTO country (iso3, name, source) VALUES ('TSD', 'Testland', 'test')");
        AsUser.login(users, "lead.ukraine");
        List<ActionRef> actions = plans.actions("OAP");
        assertThat(actions).hasSize(50);
        List<ActionRef> sectionV = actions.stream().filter(a -> a.section().equals("V")).limit(4).toList();
        assertThatThrownBy(() -> plans.record(sectionV.get(0).id(), "TSD", 2030, "ACHIEVED", null, "s"))
                .isInstanceOf(AccessRefusedException.class);

        AsUser.login(users, "coordinator");
        plans.record(sectionV.get(0).id(), "TSD", 2024, "ACHIEVED", "=HYPERLINK(\"http://evil\")", "report 2024");
        plans.record(sectionV.get(1).id(), "TSD", 2024, "ACHIEVED", null, "report 2024");
        plans.record(sectionV.get(2).id(), "TSD", 2024, "IN_PROGRESS", null, "report 2024");
        plans.record(sectionV.get(3).id(), "TSD", 2024, "NOT_APPLICABLE", null, "report 2024");
        Cell cell = plans.matrix("OAP", 2024).stream().filter(c -> c.iso3().equals("TSD")).findFirst().orElseThrow();
        assertThat(cell.section()).isEqualTo("V");
        assertThat(cell.reported()).isEqualTo(3);
        assertThat(cell.achieved()).isEqualTo(2);
        assertThat(cell.percentAchieved()).isEqualTo(67);

        var table = plans.exportTable(sectionV.get(0).id(), 2024, key -> "[" + key + "]");
        String csv = new String(table.csv(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).as("UTF-8 byte order mark for Excel, then the translated header").hasValue("\uFEFFISO3,[subclusters.country],[map.filter.year],[map.field.status],[treaties.note],"
                + "[treaties.source-column],[common.origin]");
        assertThat(csv.lines().skip(1).findFirst()).hasValue("#country+code,#country+name,#date+year,#status,#description,#meta+source,#meta+origin");
        assertThat(table.xlsx()).as("an XLSX of the same rows").startsWith((byte) 'P', (byte) 'K');
        assertThat(csv).contains("TSD,Testland,2024,ACHIEVED,\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(csv).as("recorded rows are marked as sourced, as in the list").contains(",[common.sourced]");
        assertThat(db.fetchValue("SELECT count(*) FROM audit_event WHERE entity = 'action_progress' AND actor = 'coordinator'")).isEqualTo(4L);
    }
}
