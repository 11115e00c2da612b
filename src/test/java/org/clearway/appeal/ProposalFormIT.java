package org.clearway.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.clearway.appeal.ui.ProposalFormView;
import org.clearway.appeal.ui.ProposalView;
import org.clearway.test.AsUser;
import org.clearway.test.TestDatabaseInitializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/** The proposal form filled by partner.halo, server side: invalid input shows every problem and writes nothing; valid input creates the draft. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ProposalFormIT extends SpringBrowserlessTest {

    static final String TITLE = "Form test: EORE in schools";

    @Autowired
    UserDetailsService users;
    @Autowired
    DSLContext db;

    @AfterEach
    void cleanUp() {
        AsUser.logout();
        db.execute("DELETE FROM proposal_transition WHERE proposal_id IN (SELECT proposal_id FROM proposal WHERE title LIKE 'Form test:%')");
        db.execute("DELETE FROM proposal WHERE title LIKE 'Form test:%'");
    }

    int proposals() {
        return db.fetchCount(db.selectFrom("proposal").where("title LIKE 'Form test:%'"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void invalid_input_lists_every_problem_and_writes_nothing_then_valid_input_creates_the_draft() {
        AsUser.login(users, "partner.halo");
        navigate(ProposalFormView.class);
        test($(ComboBox.class).id("plan")).selectItem("Ukraine Humanitarian Needs and Response Plan 2026 (HUKR26)");
        assertThat(((ComboBox<Object>) $(ComboBox.class).id("organisation")).getValue()).as("a partner's own organisation, preset")
                .isNotNull();
        test($(TextField.class).id("title")).setValue("x");
        test($(BigDecimalField.class).id("requirements")).setValue(new BigDecimal("250000"));
        test($(TextField.class).id("budget-description-1")).setValue("Teams");
        test($(BigDecimalField.class).id("budget-amount-1")).setValue(new BigDecimal("200000"));
        test($(Button.class).id("save")).click();

        Div errors = $(Div.class).id("form-errors");
        assertThat(errors.isVisible()).isTrue();
        assertThat(errors.getElement().getTextRecursively()).contains("title must be 3 to 300", "at least one activity",
                "add up to 200000, the requirements are 250000", "people targeted", "at least one location");
        assertThat($(TextField.class).id("title").isInvalid()).isTrue();
        assertThat($(Div.class).id("budget-error").getText()).contains("must be equal");
        assertThat(proposals()).isZero();

        test($(TextField.class).id("title")).setValue(TITLE);
        test((CheckboxGroup<String>) $(CheckboxGroup.class).id("activities")).selectItem("Explosive ordnance risk education");
        test($(BigDecimalField.class).id("budget-amount-1")).setValue(new BigDecimal("250000"));
        test($(IntegerField.class).id("target-girls")).setValue(400);
        test($(IntegerField.class).id("target-boys")).setValue(380);
        MultiSelectComboBox<Object> areas = $(MultiSelectComboBox.class).id("areas");
        String first = test(areas).getSuggestions().get(0);
        test(areas).selectItem(first);
        test($(Upload.class).id("polygon-upload")).upload("area.geojson", "application/geo+json", """
                {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                 "coordinates": [[[30.4, 50.4, 120], [30.6, 50.4, 121], [30.6, 50.5, 119], [30.4, 50.5, 118], [30.4, 50.4, 120]]]}}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat($(Span.class).id("polygon-state").getText()).isEqualTo("Area set (5 points).");
        test($(Button.class).id("save")).click();

        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat($(H2.class).first().getText()).contains(TITLE).startsWith("HUKR26-PRO-MIN-");
        assertThat(db.fetchOne("""
                SELECT count(*) FILTER (WHERE true), bool_and(p.geom IS NOT NULL), min(p.target_girls), min(p.requirements_usd)
                FROM proposal p WHERE p.title = ?""", TITLE).intoArray()).containsExactly(1L, true, 400, new BigDecimal("250000.00"));
    }
}
