package org.clearway.partnership.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.function.Consumer;
import org.clearway.partnership.PartnershipService;

/** Forms to post a request (on behalf of a state) and an offer; errors come back translated through {@code act}. */
class PostForms extends VerticalLayout {

    PostForms(PartnershipService partnerships, Consumer<Runnable> act) {
        setPadding(false);
        TextField state = new TextField(getTranslation("partnership.state"));
        state.setId("request-state");
        Select<String> theme = new Select<>();
        theme.setLabel(getTranslation("partnership.theme"));
        theme.setItems(PartnershipService.THEMES.stream().sorted().toList());
        theme.setItemLabelGenerator(t -> getTranslation("theme." + t));
        TextField title = new TextField(getTranslation("partnership.title-field"));
        title.setId("request-title");
        BigDecimalField amount = new BigDecimalField(getTranslation("partnership.amount"));
        amount.setId("request-amount");
        DatePicker start = new DatePicker(getTranslation("partnership.start"));
        DatePicker end = new DatePicker(getTranslation("partnership.end"));
        Button postRequest = new Button(getTranslation("partnership.post-request"), click -> act.accept(() -> partnerships.postRequest(
                state.getValue().strip().toUpperCase(Locale.ROOT), theme.getValue(), title.getValue(), amount.getValue(), start.getValue(),
                end.getValue())));
        postRequest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        postRequest.setId("post-request");
        Details request = new Details(getTranslation("partnership.post-request"),
                new FormLayout(state, theme, title, amount, start, end, postRequest));

        TextField provider = new TextField(getTranslation("partnership.state"));
        CheckboxGroup<String> themes = new CheckboxGroup<>(getTranslation("partnership.themes"));
        themes.setItems(PartnershipService.THEMES.stream().sorted().toList());
        themes.setItemLabelGenerator(t -> getTranslation("theme." + t));
        TextField offerTitle = new TextField(getTranslation("partnership.title-field"));
        BigDecimalField budget = new BigDecimalField(getTranslation("partnership.amount"));
        DatePicker offerStart = new DatePicker(getTranslation("partnership.start"));
        DatePicker offerEnd = new DatePicker(getTranslation("partnership.end"));
        TextField focus = new TextField(getTranslation("partnership.focus"));
        Button postOffer = new Button(getTranslation("partnership.post-offer"), click -> act.accept(() -> partnerships.postOffer(
                provider.getValue().strip().toUpperCase(Locale.ROOT), themes.getValue(), offerTitle.getValue(), budget.getValue(),
                offerStart.getValue(), offerEnd.getValue(), focus.getValue().isBlank() ? null : focus.getValue().strip().toUpperCase(Locale.ROOT))));
        postOffer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Details offer = new Details(getTranslation("partnership.post-offer"),
                new FormLayout(provider, themes, offerTitle, budget, offerStart, offerEnd, focus, postOffer));
        add(request, offer);
    }
}
