package org.clearway.partnership.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import org.clearway.common.ClearwayException;
import org.clearway.partnership.Candidate;
import org.clearway.partnership.Match;
import org.clearway.partnership.PartnershipService;
import org.clearway.partnership.Request;

/** The partnership platform: requests, offers ranked for each with the reason, and the matches' progress. */
@Route("partnerships")
@Menu(title = "nav.partnerships", order = 22)
@PermitAll
public class PartnershipView extends VerticalLayout implements HasDynamicTitle {

    private final PartnershipService partnerships;
    private final Grid<Candidate> candidates = new Grid<>();
    private final Grid<Match> matches = new Grid<>();
    private final Paragraph figures = new Paragraph();
    private Request selected;

    public PartnershipView(PartnershipService partnerships) {
        this.partnerships = partnerships;
        Grid<Request> requests = new Grid<>();
        requests.setId("requests");
        requests.addThemeVariants(GridVariant.LUMO_COMPACT);
        requests.addColumn(Request::state).setHeader(getTranslation("subclusters.country")).setAutoWidth(true);
        requests.addColumn(r -> getTranslation("theme." + r.theme())).setHeader(getTranslation("partnership.theme")).setAutoWidth(true);
        requests.addColumn(r -> usd(r.amountSoughtUsd())).setHeader(getTranslation("partnership.sought"));
        requests.addColumn(r -> r.periodStart() + " – " + r.periodEnd()).setHeader(getTranslation("partnership.period"));
        requests.addColumn(r -> r.synthetic() ? getTranslation("demo.badge") : "").setHeader(getTranslation("common.origin"));
        requests.setItems(partnerships.requests());
        requests.setHeight("16rem");
        requests.setWidthFull();
        requests.asSingleSelect().addValueChangeListener(e -> {
            selected = e.getValue();
            candidates.setItems(selected == null ? List.of() : partnerships.rank(selected.id()));
        });

        candidates.setId("candidates");
        candidates.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        candidates.addColumn(Candidate::provider).setHeader(getTranslation("partnership.provider")).setAutoWidth(true);
        candidates.addColumn(Candidate::score).setHeader(getTranslation("partnership.score"));
        candidates.addColumn(this::reason).setHeader(getTranslation("partnership.reason")).setFlexGrow(3);
        candidates.addColumn(c -> usd(c.remainingUsd())).setHeader(getTranslation("partnership.remaining"));
        if (partnerships.canEdit()) {
            candidates.addComponentColumn(c -> {
                Button propose = new Button(getTranslation("partnership.propose"), click -> act(() -> partnerships.propose(selected.id(), c.offerId(), reason(c))));
                propose.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return propose;
            });
        }
        candidates.setHeight("14rem");
        candidates.setWidthFull();

        matches.setId("matches");
        matches.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        matches.addColumn(m -> m.requestState() + " ← " + m.provider()).setHeader(getTranslation("partnership.match")).setAutoWidth(true);
        matches.addColumn(Match::score).setHeader(getTranslation("partnership.score"));
        matches.addColumn(m -> getTranslation("partnership.status." + m.status())).setHeader(getTranslation("map.field.status"));
        matches.addColumn(Match::reason).setHeader(getTranslation("partnership.reason")).setFlexGrow(3);
        if (partnerships.canEdit()) {
            matches.addComponentColumn(m -> {
                HorizontalLayout buttons = new HorizontalLayout();
                for (String next : List.of("IN_DISCUSSION", "AGREED", "DELIVERED", "DECLINED")) {
                    Button b = new Button(getTranslation("partnership.to." + next), click -> act(() -> partnerships.advance(m.id(), m.version(), next)));
                    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    b.setVisible(nextAllowed(m.status(), next));
                    buttons.add(b);
                }
                return buttons;
            }).setAutoWidth(true);
        }
        matches.setAllRowsVisible(true);
        figures.setId("needs-vs-support");
        add(new H2(getTranslation("partnership.title")), new Paragraph(getTranslation("partnership.intro")), figures);
        if (partnerships.canEdit()) {
            add(new PostForms(partnerships, action -> {
                act(action);
                requests.setItems(partnerships.requests());
            }));
        }
        add(new org.clearway.common.ui.ExportLinks(this, "partnership-export", "partnership-requests", this::table));
        add(new H3(getTranslation("partnership.requests")), requests, new H3(getTranslation("partnership.candidates")), candidates,
                new H3(getTranslation("partnership.matches")), matches);
        refresh();
    }

    private static boolean nextAllowed(String from, String to) {
        return switch (from) {
            case "PROPOSED" -> to.equals("IN_DISCUSSION") || to.equals("DECLINED");
            case "IN_DISCUSSION" -> to.equals("AGREED") || to.equals("DECLINED");
            case "AGREED" -> to.equals("DELIVERED") || to.equals("DECLINED");
            default -> false;
        };
    }

    private String reason(Candidate c) {
        if (!c.geographyKnown()) { // no geographic focus: say so instead of quoting the neutral half score as coverage
            return getTranslation("partnership.reason.text-no-focus", getTranslation(c.theme() > 0 ? "partnership.theme.yes" : "partnership.theme.no"),
                    String.valueOf(Math.round(c.timing() * 100)), String.valueOf(Math.round(c.funding() * 100)));
        }
        return getTranslation("partnership.reason.text", getTranslation(c.theme() > 0 ? "partnership.theme.yes" : "partnership.theme.no"),
                String.valueOf(Math.round(c.geography() * 100)), String.valueOf(Math.round(c.timing() * 100)),
                String.valueOf(Math.round(c.funding() * 100)));
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
            if (selected != null) {
                candidates.setItems(partnerships.rank(selected.id()));
            }
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ClearwayException e) {
            Notification.show(getTranslation(e.key(), e.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Requests and their matches as one list (CSV with HXL, or XLSX), for the committee's papers. */
    private org.clearway.common.TableExport.Table table() {
        List<String> header = List.of(getTranslation("subclusters.country"), getTranslation("partnership.theme"),
                getTranslation("partnership.title-field"), getTranslation("partnership.sought"), getTranslation("partnership.period"),
                getTranslation("partnership.provider"), getTranslation("partnership.score"), getTranslation("map.field.status"),
                getTranslation("common.origin"));
        List<String> hxl = List.of("#country+name", "#sector", "#activity+name", "#value+requested+usd", "#date", "#org+provider",
                "#indicator+score", "#status", "#meta+synthetic");
        List<Match> all = partnerships.matches();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Request r : partnerships.requests()) {
            List<Match> ms = all.stream().filter(m -> m.requestId() == r.id()).toList();
            for (Match m : ms.isEmpty() ? java.util.Collections.<Match>singletonList(null) : ms) {
                rows.add(java.util.Arrays.asList(r.state(), getTranslation("theme." + r.theme()), r.title(), r.amountSoughtUsd(),
                        r.periodStart() + " – " + r.periodEnd(), m == null ? null : m.provider(), m == null ? null : m.score(),
                        m == null ? getTranslation("partnership.open") : getTranslation("partnership.status." + m.status()),
                        r.synthetic() ? getTranslation("demo.badge") : ""));
            }
        }
        return new org.clearway.common.TableExport.Table(getTranslation("partnership.title"), header, hxl, rows);
    }

    private void refresh() {
        matches.setItems(partnerships.matches());
        BigDecimal[] f = partnerships.needsVersusSupport();
        figures.setText(getTranslation("partnership.figures", usd(f[0]), usd(f[1])));
    }

    private String usd(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCompactNumberInstance(getLocale(), NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        return "US$ " + format.format(amount);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.partnerships") + " · " + getTranslation("app.title");
    }
}
