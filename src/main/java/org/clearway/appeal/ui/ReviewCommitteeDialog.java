package org.clearway.appeal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.clearway.appeal.ReviewCommittee;
import org.clearway.appeal.Views.PlanOption;
import org.clearway.common.ClearwayException;

/** The review committee of a plan: who is appointed, appoint by user name, remove. */
class ReviewCommitteeDialog extends Dialog {

    private final ReviewCommittee committee;
    private final Grid<ReviewCommittee.Reviewer> grid = new Grid<>();
    private final ComboBox<PlanOption> plan = new ComboBox<>();
    private final Span message = new Span();

    ReviewCommitteeDialog(ReviewCommittee committee, List<PlanOption> plans) {
        this.committee = committee;
        setHeaderTitle(getTranslation("review-committee.title"));
        setId("review-committee");
        plan.setLabel(getTranslation("proposal.plan"));
        plan.setItems(plans);
        plan.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        plan.setWidthFull();
        plan.setId("review-committee-plan");
        plan.addValueChangeListener(e -> refresh());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ReviewCommittee.Reviewer::displayName).setHeader(getTranslation("review-committee.name")).setFlexGrow(2);
        grid.addColumn(r -> r.organisation() == null ? "" : r.organisation()).setHeader(getTranslation("proposals.col.organisation"));
        grid.addComponentColumn(r -> {
            Button remove = new Button(getTranslation("proposal.budget.remove"), e -> act(() -> committee.remove(plan.getValue().id(), r.userId())));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return remove;
        });
        grid.setHeight("12rem");
        TextField username = new TextField(getTranslation("review-committee.username"));
        username.setId("review-committee-username");
        Button appoint = new Button(getTranslation("review-committee.appoint"), e -> act(() -> committee.appoint(plan.getValue().id(), username.getValue())));
        appoint.setId("review-committee-appoint");
        appoint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout add = new HorizontalLayout(username, appoint);
        add.setAlignItems(FlexComponent.Alignment.BASELINE);
        message.setId("review-committee-message");
        add(new VerticalLayout(new Paragraph(getTranslation("review-committee.intro")), plan, grid, add, message));
        getFooter().add(new Button(getTranslation("map.popup.close"), e -> close()));
        setWidth("min(720px, 95vw)");
        if (!plans.isEmpty()) {
            plan.setValue(plans.get(0));
        }
    }

    private void refresh() {
        grid.setItems(plan.getValue() == null ? List.of() : committee.reviewers(plan.getValue().id()));
    }

    private void act(Runnable r) {
        if (plan.getValue() == null) {
            return;
        }
        try {
            r.run();
            message.setText(getTranslation("common.saved"));
            message.setClassName("");
            refresh();
        } catch (ClearwayException e) {
            message.setText(getTranslation(e.key(), e.args()));
            message.setClassName("cw-field-error");
        }
    }
}
