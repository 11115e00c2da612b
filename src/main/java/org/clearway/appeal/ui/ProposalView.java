package org.clearway.appeal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearway.appeal.FieldError;
import org.clearway.appeal.ProposalInput;
import org.clearway.appeal.ProposalService;
import org.clearway.appeal.ProposalValidationException;
import org.clearway.appeal.Views.Conflict;
import org.clearway.appeal.Views.Criterion;
import org.clearway.appeal.Views.Detail;
import org.clearway.appeal.Views.FlowView;
import org.clearway.appeal.Views.ReviewView;
import org.clearway.appeal.Views.TransitionView;
import org.clearway.appeal.Workflow.Action;
import org.clearway.common.ClearwayException;
import org.clearway.map.CwMap;
import org.clearway.map.MapLayers;

/**
 * One proposal: its facts, budget, targets and locations on the map, funding, the deconfliction warning,
 * reviews with scores, the timeline, and the workflow actions the user may take now.
 */
@Route("proposals/:id([0-9]+)")
@PermitAll
public class ProposalView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProposalService proposals;
    private long id;
    private String title = "";

    public ProposalView(ProposalService proposals) {
        this.proposals = proposals;
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = Long.parseLong(event.getRouteParameters().get("id").orElseThrow());
        render();
    }

    private void render() {
        removeAll();
        Detail d;
        try {
            d = proposals.get(id);
        } catch (ClearwayException e) {
            add(new H2(getTranslation("error.not-found")), new RouterLink(getTranslation("proposals.back"), ProposalListView.class));
            title = getTranslation("error.not-found");
            return;
        }
        title = d.code();
        HorizontalLayout heading = new HorizontalLayout(new H2(d.code() + " · " + d.title()), Formats.status(this, d.status()));
        heading.setAlignItems(Alignment.BASELINE);
        heading.setId("proposal-heading");
        if (d.synthetic()) {
            heading.add(Formats.demo(this));
        }
        add(new RouterLink(getTranslation("proposals.back"), ProposalListView.class), heading, actions(d));

        List<Conflict> conflicts = d.reviewer() || d.editable() || d.actions().contains(Action.SUBMIT) ? proposals.conflicts(id) : List.of();
        if (!conflicts.isEmpty()) {
            add(conflictNotice(conflicts));
        }
        if (d.reviewer() && "UNDER_REVIEW".equals(d.status())) {
            add(reviewForm(d));
        }

        FlexLayout columns = new FlexLayout(facts(d), map(d, conflicts));
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(columns);
        add(new H3(getTranslation("proposal.budget")), budget(d));
        add(new H3(getTranslation("proposal.targets")), targets(d));
        add(new H3(getTranslation("proposal.funding")), funding(d));
        add(new H3(getTranslation("proposal.reviews")), reviews(d.reviews()));
        add(new H3(getTranslation("proposal.timeline")), timeline(d.timeline()));
    }

    // ------------------------------------------------------------------------------------------ sections

    private Component actions(Detail d) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("proposal-actions");
        bar.getStyle().set("flex-wrap", "wrap");
        if (d.editable()) {
            Button edit = new Button(getTranslation("proposal.edit"), e -> getUI().ifPresent(ui ->
                    ui.navigate("proposals/" + id + "/edit")));
            edit.setId("edit");
            bar.add(edit);
        }
        for (Action a : d.actions()) {
            if (a.isDecision()) {
                continue;
            }
            Button b = new Button(getTranslation("proposal.action." + a.name()), e -> {
                if (a == Action.SUBMIT) {
                    submit(d);
                } else if (a == Action.WITHDRAW) {
                    confirm(getTranslation("proposal.confirm.withdraw"), () -> act(d, a, null));
                } else {
                    act(d, a, null);
                }
            });
            b.setId("action-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (a != Action.WITHDRAW) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            bar.add(b);
        }
        if (d.deletable()) {
            Button delete = new Button(getTranslation("proposal.delete"), e -> confirm(getTranslation("proposal.confirm.delete"), () -> {
                if (run(() -> proposals.delete(id, d.version()))) {
                    getUI().ifPresent(ui -> ui.navigate(ProposalListView.class));
                }
            }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.setId("delete");
            bar.add(delete);
        }
        return bar;
    }

    /** Submitting first shows any overlap with another organisation's proposal, on a small map, and asks to go on. */
    private void submit(Detail d) {
        List<Conflict> conflicts = proposals.conflicts(id);
        if (conflicts.isEmpty()) {
            act(d, Action.SUBMIT, null);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("conflict-dialog");
        dialog.setHeaderTitle(getTranslation("proposal.conflict.title"));
        CwMap map = smallMap(d, conflicts);
        map.setHeight("260px");
        dialog.add(new Paragraph(getTranslation("proposal.conflict.submit")), conflictList(conflicts), map);
        Button go = new Button(getTranslation("proposal.conflict.submit-anyway"), e -> {
            dialog.close();
            act(d, Action.SUBMIT, null);
        });
        go.setId("submit-anyway");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), go);
        dialog.setWidth("min(640px, 95vw)");
        dialog.open();
    }

    private Component conflictNotice(List<Conflict> conflicts) {
        Div box = new Div(new Span(getTranslation("proposal.conflict.notice")), conflictList(conflicts));
        box.setId("conflict-warning");
        box.getElement().setAttribute("role", "note");
        box.getStyle().set("border-inline-start", "4px solid var(--lumo-warning-color, #e6a100)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-warning-color-10pct, #fff7e0)");
        box.setWidthFull();
        return box;
    }

    private Component conflictList(List<Conflict> conflicts) {
        UnorderedList list = new UnorderedList();
        for (Conflict c : conflicts) {
            list.add(new ListItem(getTranslation("proposal.conflict.item", c.organisation(), c.code(),
                    String.join(", ", c.activities().stream().map(a -> getTranslation("activity." + a)).toList()),
                    c.overlapKm2().toPlainString(), String.join(", ", c.adminAreas()))));
        }
        return list;
    }

    private Component facts(Detail d) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("proposal.plan", d.planName() + " (" + d.planCode() + ")");
        facts.put("proposals.col.subcluster", d.subcluster());
        facts.put("proposals.col.organisation", d.organisation());
        facts.put("proposals.col.activities", String.join(", ", d.activities().stream().map(a -> getTranslation("activity." + a)).toList()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        facts.put("proposal.period", (d.startDate() == null ? "?" : dates.format(d.startDate())) + " – "
                + (d.endDate() == null ? "?" : dates.format(d.endDate())));
        facts.put("proposal.gam", d.gamCode() == null ? "–" : getTranslation("proposal.gam." + d.gamCode()));
        facts.put("proposals.col.requirements", Formats.usd(getLocale(), d.requirementsUsd()));
        facts.put("proposal.funded", Formats.usd(getLocale(), d.fundedUsd()) + " (" + Formats.percent(getLocale(), d.fundedUsd(), d.requirementsUsd()) + ")");
        facts.put("proposal.gap", Formats.usd(getLocale(), d.gapUsd()));
        facts.put("proposal.pledged", Formats.usd(getLocale(), d.pledgedUsd()));
        facts.put("proposal.locations", d.locations().isEmpty() ? "–" : String.join(", ",
                d.locations().stream().map(a -> a.name() + " (" + a.pcode() + ")").toList())
                + (d.hasPolygon() ? " + " + getTranslation("proposal.drawn-area") : ""));
        Div dl = new Div();
        dl.setId("proposal-facts");
        dl.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("flex", "1 1 340px").set("align-content", "start");
        facts.forEach((k, v) -> {
            Span label = new Span(getTranslation(k));
            label.getStyle().set("font-weight", "600");
            Span value = new Span(v);
            value.getElement().setAttribute("data-fact", k);
            dl.add(label, value);
        });
        if (d.description() != null) {
            Paragraph description = new Paragraph(d.description());
            description.getStyle().set("grid-column", "1 / -1");
            dl.add(description);
        }
        return dl;
    }

    private Component map(Detail d, List<Conflict> conflicts) {
        CwMap map = smallMap(d, conflicts);
        map.setId("proposal-map");
        Div box = new Div(map);
        box.getStyle().set("flex", "1 1 420px").set("min-height", "340px");
        map.setHeight("340px");
        return box;
    }

    /** Admin areas and proposals (tiles; this proposal selected), or the overlapping areas highlighted when there are conflicts. */
    private CwMap smallMap(Detail d, List<Conflict> conflicts) {
        CwMap map = new CwMap();
        map.setWidthFull();
                map.setLayers(MapLayers.defaults().stream().filter(l -> List.of("countries", "admin1", "proposals").contains(l.id()))
                .map(l -> switch (l.id()) {
                    case "admin1" -> l.withVisible(true);
                    case "proposals" -> l.withVisible(true).withQuery(Map.of("year", String.valueOf(d.year())));
                    default -> l;
                }).toList());
        map.setPopupFields(MapLayers.popupFields());
        map.setDetailUrls(MapLayers.detailUrls());
        List<Long> overlapAreas = conflicts.stream().flatMap(c -> c.adminAreaIds().stream()).distinct().toList();
        map.setSelection(overlapAreas.isEmpty() ? new CwMap.Selection("proposals", List.of(id)) : new CwMap.Selection("admin1", overlapAreas));
        if (d.extent() != null) {
            double[] e = d.extent();
            map.fitExtent(e[0], e[1], e[2], e[3]);
        }
        return map;
    }

    private Component budget(Detail d) {
        Grid<ProposalInput.BudgetLine> grid = new Grid<>();
        grid.setId("budget");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ProposalInput.BudgetLine::getDescription).setHeader(getTranslation("proposal.budget.line"))
                .setFooter(getTranslation("proposal.budget.total"));
        grid.addColumn(b -> Formats.usd(getLocale(), b.getAmountUsd())).setHeader(getTranslation("proposal.budget.amount"))
                .setFooter(Formats.usd(getLocale(), d.budget().stream().map(ProposalInput.BudgetLine::getAmountUsd)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
        grid.setItems(d.budget());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component targets(Detail d) {
        Div row = new Div();
        row.setId("targets");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("girls", d.girls());
        t.put("boys", d.boys());
        t.put("women", d.women());
        t.put("men", d.men());
        t.put("older", d.olderPersons());
        t.put("total", d.peopleTargeted());
        t.put("pwd", d.personsWithDisabilities());
        t.forEach((k, v) -> {
            Span n = new Span(org.clearway.common.Amounts.count(getLocale(), v));
            n.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("display", "block");
            n.getElement().setAttribute("data-target", k);
            row.add(new Div(n, new Span(getTranslation("proposal.target." + k))));
        });
        return row;
    }

    private Component funding(Detail d) {
        Grid<FlowView> grid = new Grid<>();
        grid.setId("flows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(FlowView::source).setHeader(getTranslation("funding.source")).setAutoWidth(true);
        grid.addColumn(f -> Formats.usd(getLocale(), f.amountUsd())).setHeader(getTranslation("funding.amount"));
        grid.addColumn(f -> getTranslation("funding.status." + f.status())).setHeader(getTranslation("funding.status"));
        grid.addColumn(FlowView::date).setHeader(getTranslation("funding.date"));
        grid.addColumn(f -> f.ftsFlowId() == null ? "" : f.ftsFlowId()).setHeader(getTranslation("funding.fts-id"));
        grid.setItems(d.flows());
        grid.setAllRowsVisible(true);
        if (d.flows().isEmpty()) {
            return new Paragraph(getTranslation("proposal.no-funding"));
        }
        return grid;
    }

    private Component reviews(List<ReviewView> reviews) {
        if (reviews.isEmpty()) {
            return new Paragraph(getTranslation("proposal.no-reviews"));
        }
        VerticalLayout list = new VerticalLayout();
        list.setId("reviews");
        list.setPadding(false);
        for (ReviewView r : reviews) {
            Div card = new Div();
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
            String decision = r.decision() == null ? getTranslation("proposal.review.scores-only") : getTranslation("proposal.decision." + r.decision());
            card.add(new Paragraph(getTranslation("proposal.review.head", r.reviewer(), String.valueOf(r.round()), decision)));
            if (r.comment() != null) {
                Paragraph comment = new Paragraph(r.comment());
                comment.addClassName("review-comment");
                card.add(comment);
            }
            card.add(new Span(String.join(" · ", r.scores().entrySet().stream()
                    .map(s -> getTranslation("criterion." + s.getKey()) + " " + s.getValue()).toList())));
            list.add(card);
        }
        return list;
    }

    private Component timeline(List<TransitionView> timeline) {
        OrderedList list = new OrderedList();
        list.setId("timeline");
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale());
        for (TransitionView t : timeline) {
            String text = getTranslation("proposal.timeline.item", f.format(t.at().atZoneSameInstant(java.time.ZoneId.systemDefault())),
                    t.actor(), getTranslation("map.value.status." + t.to()));
            ListItem item = new ListItem(text);
            item.getElement().setAttribute("data-status", t.to());
            if (t.comment() != null) {
                item.add(new Paragraph("“" + t.comment() + "”"));
            }
            list.add(item);
        }
        if (timeline.isEmpty()) {
            list.add(new ListItem(getTranslation("proposal.timeline.none")));
        }
        return list;
    }

    private Component reviewForm(Detail d) {
        VerticalLayout form = new VerticalLayout();
        form.setId("review-form");
        form.setPadding(false);
        form.add(new H3(getTranslation("proposal.review.title")));
        Map<Long, IntegerField> fields = new LinkedHashMap<>();
        FlexLayout scores = new FlexLayout();
        scores.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        scores.getStyle().set("gap", "var(--lumo-space-m)");
        for (Criterion c : proposals.criteria(id)) {
            IntegerField f = new IntegerField(getTranslation("criterion." + c.code()) + " (0–" + c.maxScore() + ")");
            f.setMin(0);
            f.setMax(c.maxScore());
            f.setStepButtonsVisible(true);
            f.setId("score-" + c.code().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            fields.put(c.id(), f);
            scores.add(f);
        }
        TextArea comment = new TextArea(getTranslation("proposal.review.comment"));
        comment.setId("review-comment");
        comment.setWidthFull();
        comment.setMaxLength(10_000);
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.getStyle().set("flex-wrap", "wrap");
        Button save = new Button(getTranslation("proposal.review.save"), e -> review(d, null, fields, comment.getValue()));
        save.setId("review-save");
        buttons.add(save);
        for (Action a : List.of(Action.APPROVE, Action.REQUEST_REVISION, Action.REJECT)) {
            Button b = new Button(getTranslation("proposal.action." + a.name()), e -> review(d, a, fields, comment.getValue()));
            b.setId("review-" + a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(a == Action.APPROVE ? ButtonVariant.LUMO_SUCCESS : a == Action.REJECT ? ButtonVariant.LUMO_ERROR
                    : ButtonVariant.LUMO_CONTRAST);
            buttons.add(b);
        }
        form.add(scores, comment, buttons);
        form.getStyle().set("border", "1px solid var(--lumo-primary-color-50pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)");
        return form;
    }

    // ------------------------------------------------------------------------------------------ acting

    private void review(Detail d, Action decision, Map<Long, IntegerField> fields, String comment) {
        Map<Long, Integer> scores = new LinkedHashMap<>();
        fields.forEach((criterion, f) -> {
            if (f.getValue() != null) {
                scores.put(criterion, f.getValue());
            }
        });
        if (run(() -> proposals.review(id, d.version(), decision, scores, comment))) {
            render();
        }
    }

    private void act(Detail d, Action action, String comment) {
        if (run(() -> proposals.act(id, d.version(), action, comment))) {
            render();
        }
    }

    private boolean run(Runnable r) {
        try {
            r.run();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (ProposalValidationException e) {
            Notification n = Notification.show(getTranslation("proposal.submit.incomplete") + " " + String.join(" ",
                    e.errors().stream().map((FieldError f) -> getTranslation(f.key(), f.args().toArray())).toList()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setDuration(10_000);
        } catch (ClearwayException e) {
            Notification n = Notification.show(getTranslation(e.key(), e.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setDuration(8_000);
        }
        return false;
    }

    private void confirm(String question, Runnable then) {
        Dialog dialog = new Dialog(new Paragraph(question));
        Button yes = new Button(getTranslation("common.confirm"), e -> {
            dialog.close();
            then.run();
        });
        yes.setId("confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
        dialog.open();
    }

    static RouteParameters params(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    @Override
    public String getPageTitle() {
        return title + " · Clearway";
    }
}
