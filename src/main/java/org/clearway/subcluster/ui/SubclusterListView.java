package org.clearway.subcluster.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import org.clearway.common.ClearwayException;
import org.clearway.common.TableExport;
import org.clearway.common.ui.ExportLinks;
import org.clearway.subcluster.Subcluster;
import org.clearway.subcluster.SubclusterService;

/** The field sub-clusters with their lead agencies and coordinators; leads edit their own. */
@Route("subclusters")
@Menu(title = "nav.subclusters", order = 10)
@PermitAll
public class SubclusterListView extends VerticalLayout implements HasDynamicTitle {

    private final SubclusterService service;
    private final Grid<Subcluster> grid = new Grid<>();
    private volatile List<Subcluster> listed = List.of();

    public SubclusterListView(SubclusterService service) {
        this.service = service;
        setSizeFull();
        add(new H2(getTranslation("subclusters.title")));
        grid.setId("subcluster-grid");
        grid.addColumn(Subcluster::countryName).setHeader(getTranslation("subclusters.country")).setSortable(true).setAutoWidth(true);
        grid.addColumn(Subcluster::name).setHeader(getTranslation("subclusters.name")).setAutoWidth(true);
        grid.addColumn(s -> s.leadOrganisation() == null ? getTranslation("common.not-known") : s.leadOrganisation())
                .setHeader(getTranslation("subclusters.lead")).setAutoWidth(true);
        grid.addColumn(s -> s.coLeadOrganisation() == null ? "" : s.coLeadOrganisation()).setHeader(getTranslation("subclusters.colead"));
        grid.addColumn(Subcluster::coordinatorName).setHeader(getTranslation("subclusters.coordinator")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("subclusters.status." + s.status())).setHeader(getTranslation("subclusters.status"));
        grid.addComponentColumn(s -> {
            Span origin = new Span(getTranslation(s.synthetic() ? "demo.badge" : "common.sourced"));
            origin.addClassName(s.synthetic() ? "cw-demo-badge" : "cw-source");
            origin.getElement().setAttribute("title", s.source() == null ? "" : s.source());
            return origin;
        }).setHeader(getTranslation("common.origin"));
        grid.addComponentColumn(s -> {
            Button edit = new Button(getTranslation("common.edit"), click -> openEditor(s));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setVisible(service.canEdit(s.id()));
            edit.getElement().setAttribute("aria-label", getTranslation("subclusters.edit", s.countryName()));
            return edit;
        });
        add(new ExportLinks(this, "subclusters", "subclusters", this::table), grid);
        refresh();
    }

    private void refresh() {
        listed = service.list();
        grid.setItems(listed);
    }

    /** The list as shown (without the coordinators' e-mail addresses, which the list does not show either), with HXL tags. */
    private TableExport.Table table() {
        List<String> header = List.of(getTranslation("subclusters.country"), "ISO3", getTranslation("subclusters.name"),
                getTranslation("subclusters.lead"), getTranslation("subclusters.colead"), getTranslation("subclusters.coordinator"),
                getTranslation("subclusters.status"), getTranslation("common.origin"), getTranslation("treaties.source-column"));
        List<String> hxl = List.of("#country+name", "#country+code", "#sector+name", "#org+lead+name", "#org+colead+name",
                "#contact+name", "#status", "#meta+origin", "#meta+source");
        List<List<Object>> rows = listed.stream().map(s -> Arrays.<Object>asList(s.countryName(), s.iso3(), s.name(),
                s.leadOrganisation(), s.coLeadOrganisation(), s.coordinatorName(), getTranslation("subclusters.status." + s.status()),
                getTranslation(s.synthetic() ? "demo.badge" : "common.sourced"), s.source())).toList();
        return new TableExport.Table(getTranslation("nav.subclusters"), header, hxl, rows);
    }

    private void openEditor(Subcluster subcluster) {
        Dialog dialog = new Dialog(getTranslation("subclusters.edit", subcluster.countryName()));
        TextField name = new TextField(getTranslation("subclusters.coordinator"));
        name.setValue(subcluster.coordinatorName() == null ? "" : subcluster.coordinatorName());
        EmailField email = new EmailField(getTranslation("subclusters.email"));
        email.setValue(subcluster.coordinatorEmail() == null ? "" : subcluster.coordinatorEmail());
        dialog.add(new VerticalLayout(name, email));
        Button save = new Button(getTranslation("common.save"), click -> {
            try {
                service.updateCoordinator(subcluster.id(), subcluster.version(), name.getValue(), email.getValue());
                dialog.close();
                refresh();
                Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ClearwayException e) {
                Notification.show(getTranslation(e.key(), e.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.subclusters") + " · " + getTranslation("app.title");
    }
}
