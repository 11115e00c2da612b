package org.clearway.treaty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.clearway.common.ClearwayException;
import org.clearway.treaty.ApmbcObligations;
import org.clearway.treaty.ApmbcObligations.Article5;
import org.clearway.treaty.ApmbcObligations.Report;

/** A State Party's APMBC Article 5 deadline with its extensions, and its Article 7 reports; coordinators record them. */
class ObligationsPanel extends VerticalLayout {

    private final ApmbcObligations obligations;
    private final String iso3;

    ObligationsPanel(ApmbcObligations obligations, String iso3) {
        this.obligations = obligations;
        this.iso3 = iso3;
        setPadding(false);
        setId("apmbc-obligations");
        render();
    }

    private void render() {
        removeAll();
        add(new H3(getTranslation("article5.title")));
        Article5 a5 = obligations.article5(iso3).orElse(null);
        Paragraph deadline = new Paragraph();
        deadline.setId("article5-deadline");
        if (a5 == null) {
            deadline.setText(getTranslation("article5.none"));
            add(deadline);
        } else {
            deadline.setText(getTranslation(a5.completedDate() != null ? "article5.completed" : "article5.deadline",
                    String.valueOf(a5.originalDeadline()), String.valueOf(a5.currentDeadline()), String.valueOf(a5.extensions().size()),
                    String.valueOf(a5.completedDate())));
            Paragraph source = new Paragraph(getTranslation("article5.source", a5.source(), String.valueOf(a5.asOf())));
            source.addClassName("cw-source");
            UnorderedList extensions = new UnorderedList();
            extensions.setId("article5-extensions");
            a5.extensions().forEach(e -> extensions.add(new ListItem(getTranslation("article5.extension", String.valueOf(e.grantedDate()),
                    String.valueOf(e.newDeadline()), e.source()))));
            add(deadline, extensions, source);
        }
        List<Report> reports = obligations.article7(iso3);
        Paragraph article7 = new Paragraph(reports.isEmpty() ? getTranslation("article7.none")
                : getTranslation("article7.reports", String.join(", ", reports.stream().map(r -> String.valueOf(r.year())).toList())));
        article7.setId("article7-reports");
        add(new H3(getTranslation("article7.title")), article7);
        if (obligations.canEdit()) {
            Button setDeadline = new Button(getTranslation("article5.record"), e -> deadlineDialog(a5));
            setDeadline.setId("article5-record");
            Button extend = new Button(getTranslation("article5.extend"), e -> extensionDialog(a5));
            extend.setId("article5-extend");
            extend.setEnabled(a5 != null);
            Button report = new Button(getTranslation("article7.record"), e -> reportDialog());
            report.setId("article7-record");
            HorizontalLayout buttons = new HorizontalLayout(setDeadline, extend, report);
            buttons.getStyle().set("flex-wrap", "wrap");
            add(buttons);
        }
    }

    private void deadlineDialog(Article5 a5) {
        DatePicker original = new DatePicker(getTranslation("article5.original"), a5 == null ? null : a5.originalDeadline());
        DatePicker completed = new DatePicker(getTranslation("article5.completed-date"), a5 == null ? null : a5.completedDate());
        open(getTranslation("article5.record"), List.of(original, completed), (source, asOf) -> obligations.setArticle5(iso3,
                original.getValue(), completed.getValue(), source, asOf, a5 == null ? 0 : a5.version()));
    }

    private void extensionDialog(Article5 a5) {
        DatePicker granted = new DatePicker(getTranslation("article5.granted"));
        DatePicker newDeadline = new DatePicker(getTranslation("article5.new-deadline"));
        open(getTranslation("article5.extend"), List.of(granted, newDeadline), (source, asOf) -> obligations.addExtension(iso3, a5.version(),
                granted.getValue(), newDeadline.getValue(), source));
    }

    private void reportDialog() {
        IntegerField year = new IntegerField(getTranslation("article7.year"));
        year.setValue(LocalDate.now().getYear() - 1);
        DatePicker submitted = new DatePicker(getTranslation("article7.submitted"));
        open(getTranslation("article7.record"), List.of(year, submitted), (source, asOf) -> obligations.recordArticle7(iso3,
                year.getValue() == null ? 0 : year.getValue(), submitted.getValue(), source));
    }

    private interface Save {
        void save(String source, LocalDate asOf);
    }

    private void open(String title, List<Component> fields, Save save) {
        Dialog dialog = new Dialog(title);
        TextField source = new TextField(getTranslation("treaties.source-column"), "", getTranslation("treaties.source-placeholder"));
        source.setId("obligation-source");
        source.setRequiredIndicatorVisible(true);
        DatePicker asOf = new DatePicker(getTranslation("treaties.as-of-date"), LocalDate.now());
        VerticalLayout form = new VerticalLayout();
        fields.forEach(form::add);
        form.add(source, asOf);
        dialog.add(form);
        Consumer<Void> done = v -> {
            dialog.close();
            render();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        };
        Button ok = new Button(getTranslation("common.save"), e -> {
            try {
                save.save(source.getValue(), asOf.getValue());
                done.accept(null);
            } catch (ClearwayException ex) {
                Notification n = Notification.show(getTranslation(ex.key(), ex.args()));
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        ok.setId("obligation-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }
}
