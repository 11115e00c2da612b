package org.clearway.committee.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clearway.common.ClearwayException;
import org.clearway.common.TableExport;
import org.clearway.common.ui.ExportLinks;
import org.clearway.committee.CommitteeService;
import org.clearway.committee.Term;

/** The Committee on the Enhancement of Cooperation and Assistance: mandate, membership timeline, rule-checked edits. */
@Route("committee")
@Menu(title = "nav.committee", order = 21)
@PermitAll
public class CommitteeView extends VerticalLayout implements HasDynamicTitle {

    private final CommitteeService committee;
    private final Grid<Map.Entry<String, List<Term>>> timeline = new Grid<>();
    private final VerticalLayout timelineBox = new VerticalLayout();
    private final VerticalLayout observationsBox = new VerticalLayout();

    public CommitteeView(CommitteeService committee) {
        this.committee = committee;
        add(new H2(getTranslation("committee.title")));
        boolean french = getLocale().getLanguage().equals(Locale.FRENCH.getLanguage());
        String kind = "";
        OrderedList list = null;
        for (CommitteeService.MandateItem item : committee.mandate()) {
            if (!item.kind().equals(kind)) {
                kind = item.kind();
                add(new H3(getTranslation("committee.kind." + kind)));
                list = new OrderedList();
                add(list);
            }
            list.add(new ListItem(french && item.textFr() != null ? item.textFr() : item.textEn()));
        }
        Paragraph source = new Paragraph(getTranslation("committee.source"));
        source.addClassName("cw-source");
        add(source, new H3(getTranslation("committee.members")), timelineBox);
        timelineBox.setPadding(false);
        if (committee.canEdit()) {
            add(editor());
        }
        showTimeline();
        add(new H3(getTranslation("committee.observations")), new Paragraph(getTranslation("committee.observations.intro")), observationsBox);
        observationsBox.setPadding(false);
        showObservations();
    }

    private void showTimeline() {
        timelineBox.removeAll();
        List<Term> terms = committee.terms();
        Map<Integer, String> chairs = committee.chairs();
        Map<Integer, String> focalPoints = committee.genderFocalPoints();
        int first = terms.stream().mapToInt(Term::yearFrom).min().orElse(Year.now().getValue());
        int last = Math.max(Year.now().getValue(), terms.stream().mapToInt(Term::yearTo).max().orElse(first));
        Map<String, List<Term>> byState = new TreeMap<>();
        terms.forEach(t -> byState.computeIfAbsent(t.state() + "\u0000" + t.iso3(), k -> new java.util.ArrayList<>()).add(t));
        Grid<Map.Entry<String, List<Term>>> grid = new Grid<>();
        grid.setId("committee-timeline");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.addColumn(e -> e.getKey().split("\u0000")[0]).setHeader(getTranslation("subclusters.country")).setAutoWidth(true).setFrozen(true);
        for (int year = first; year <= last; year++) {
            final int y = year;
            grid.addColumn(e -> {
                String iso3 = e.getKey().split("\u0000")[1];
                boolean member = e.getValue().stream().anyMatch(t -> t.servesIn(y));
                String cell = iso3.equals(chairs.get(y)) ? getTranslation("committee.chair") : member ? "●" : "";
                return iso3.equals(focalPoints.get(y)) ? cell + " " + getTranslation("committee.gfp-short") : cell;
            }).setHeader(String.valueOf(y)).setWidth("5.5rem").setFlexGrow(0);
        }
        grid.setItems(byState.entrySet());
        grid.setAllRowsVisible(true);
        Paragraph note = new Paragraph(getTranslation("committee.partial") + " " + getTranslation("committee.gfp-legend"));
        note.addClassName("cw-source");
        timelineBox.add(new ExportLinks(this, "committee-terms", "committee-members",
                () -> termsTable(terms, chairs, focalPoints)), grid, note);
    }

    /**
     * One row per term, with the years the State chaired or was gender focal point during it; then one row per chair or
     * focal-point year that no recorded term of that State covers.
     */
    private TableExport.Table termsTable(List<Term> terms, Map<Integer, String> chairs, Map<Integer, String> focalPoints) {
        List<String> header = List.of(getTranslation("subclusters.country"), "ISO3", getTranslation("committee.term-from"),
                getTranslation("committee.term-to"), getTranslation("committee.affected"), getTranslation("committee.provider"),
                getTranslation("committee.chair-years"), getTranslation("committee.gfp-years"), getTranslation("committee.inferred"),
                getTranslation("treaties.source-column"));
        List<String> hxl = List.of("#country+name", "#country+code", "#date+year+start", "#date+year+end", "#indicator+affected",
                "#indicator+provider", "#date+year+chair", "#date+year+gfp", "#meta+inferred", "#meta+source");
        List<List<Object>> rows = new java.util.ArrayList<>(terms.stream().sorted(java.util.Comparator.comparing(Term::state).thenComparing(Term::yearFrom))
                .map(t -> java.util.Arrays.<Object>asList(t.state(), t.iso3(), t.yearFrom(), t.yearTo(), t.affectedState(), t.assistanceProvider(),
                        yearsOf(t, chairs), yearsOf(t, focalPoints), t.inferred(), t.source()))
                .toList());
        // a chair or focal point recorded in a year no recorded term of that State covers (published membership is partial)
        Map<String, String> names = new java.util.HashMap<>();
        terms.forEach(t -> names.put(t.iso3(), t.state()));
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(chairs.keySet());
        years.addAll(focalPoints.keySet());
        for (int y : years) {
            for (String iso3 : new java.util.TreeSet<>(java.util.stream.Stream.of(chairs.get(y), focalPoints.get(y)).filter(java.util.Objects::nonNull).toList())) {
                if (terms.stream().noneMatch(t -> t.iso3().equals(iso3) && t.servesIn(y))) {
                    rows.add(java.util.Arrays.asList(names.getOrDefault(iso3, iso3), iso3, null, null, null, null,
                            iso3.equals(chairs.get(y)) ? String.valueOf(y) : "", iso3.equals(focalPoints.get(y)) ? String.valueOf(y) : "", null, null));
                }
            }
        }
        return new TableExport.Table(getTranslation("committee.members"), header, hxl, rows);
    }

    private static String yearsOf(Term t, Map<Integer, String> holderByYear) {
        return java.util.stream.IntStream.rangeClosed(t.yearFrom(), t.yearTo()).filter(y -> t.iso3().equals(holderByYear.get(y)))
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(" "));
    }

    private VerticalLayout editor() {
        TextField iso3 = new TextField(getTranslation("committee.iso3"));
        iso3.setMaxLength(3);
        iso3.setId("committee-iso3");
        IntegerField from = new IntegerField(getTranslation("committee.year-from"));
        from.setValue(Year.now().getValue());
        from.setId("committee-year");
        Checkbox affected = new Checkbox(getTranslation("committee.affected"));
        Checkbox provider = new Checkbox(getTranslation("committee.provider"));
        TextField source = new TextField(getTranslation("treaties.source-column"));
        source.setId("committee-source");
        Button addTerm = new Button(getTranslation("committee.add-term"), click -> run(() -> committee.addTerm(
                iso3.getValue().strip().toUpperCase(Locale.ROOT), from.getValue() == null ? 0 : from.getValue(),
                affected.getValue(), provider.getValue(), source.getValue())));
        addTerm.setId("committee-add-term");
        Button chair = new Button(getTranslation("committee.set-chair"), click -> run(() -> committee.setChair(
                iso3.getValue().strip().toUpperCase(Locale.ROOT), from.getValue() == null ? 0 : from.getValue(), source.getValue())));
        chair.setId("committee-set-chair");
        Button focalPoint = new Button(getTranslation("committee.set-gfp"), click -> run(() -> committee.setGenderFocalPoint(
                iso3.getValue().strip().toUpperCase(Locale.ROOT), from.getValue() == null ? 0 : from.getValue(), source.getValue())));
        focalPoint.setId("committee-set-gfp");
        addTerm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(iso3, from, source, affected, provider);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        return new VerticalLayout(new H3(getTranslation("committee.edit")), new Paragraph(getTranslation("committee.rules")), fields,
                new HorizontalLayout(addTerm, chair, focalPoint));
    }

    private void showObservations() {
        observationsBox.removeAll();
        Grid<CommitteeService.Observation> grid = new Grid<>();
        grid.setId("committee-observations");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(o -> o.meeting() + " (" + o.meetingDate() + ")").setHeader(getTranslation("committee.meeting")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("committee.observation." + o.kind())).setHeader(getTranslation("committee.observation-kind"))
                .setAutoWidth(true);
        grid.addColumn(CommitteeService.Observation::text).setHeader(getTranslation("committee.observation-text")).setFlexGrow(3);
        grid.addColumn(o -> o.synthetic() ? getTranslation("demo.badge") : o.source()).setHeader(getTranslation("treaties.source-column"));
        List<CommitteeService.Observation> observations = committee.observations();
        grid.setItems(observations);
        grid.setAllRowsVisible(true);
        observationsBox.add(observations.isEmpty() ? new Paragraph(getTranslation("committee.observations.none")) : grid);
        if (!observations.isEmpty()) {
            List<String> header = List.of(getTranslation("committee.meeting"), getTranslation("proposal.start"),
                    getTranslation("committee.observation-kind"), getTranslation("committee.observation-text"),
                    getTranslation("treaties.source-column"));
            List<String> hxl = List.of("#event+name", "#date", "#meta+kind", "#description", "#meta+source");
            List<List<Object>> rows = observations.stream().map(o -> java.util.Arrays.<Object>asList(o.meeting(), o.meetingDate(),
                    getTranslation("committee.observation." + o.kind()), o.text(), o.synthetic() ? getTranslation("demo.badge") : o.source()))
                    .toList();
            var table = new TableExport.Table(getTranslation("committee.observations"), header, hxl, rows);
            observationsBox.add(new ExportLinks(this, "observations", "committee-observations", () -> table));
        }
        if (committee.canEdit()) {
            observationsBox.add(observationEditor());
        }
    }

    private com.vaadin.flow.component.details.Details observationEditor() {
        com.vaadin.flow.component.select.Select<String> type = new com.vaadin.flow.component.select.Select<>();
        type.setLabel(getTranslation("committee.meeting-type"));
        type.setItems(CommitteeService.MEETING_TYPES);
        type.setItemLabelGenerator(t -> getTranslation("committee.meeting-type." + t));
        TextField name = new TextField(getTranslation("committee.meeting-name"));
        name.setId("meeting-name");
        com.vaadin.flow.component.datepicker.DatePicker start = new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("proposal.start"));
        start.setId("meeting-start");
        com.vaadin.flow.component.datepicker.DatePicker end = new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("proposal.end"));
        TextField location = new TextField(getTranslation("committee.meeting-location"));
        TextField meetingSource = new TextField(getTranslation("treaties.source-column"));
        meetingSource.setId("meeting-source");
        Button addMeeting = new Button(getTranslation("committee.add-meeting"), click -> runObservations(() -> committee.addMeeting(
                type.getValue(), name.getValue(), start.getValue(), end.getValue(), location.getValue(), meetingSource.getValue())));
        addMeeting.setId("meeting-add");

        com.vaadin.flow.component.combobox.ComboBox<CommitteeService.Meeting> meeting = new com.vaadin.flow.component.combobox.ComboBox<>(
                getTranslation("committee.meeting"));
        meeting.setItems(committee.meetings());
        meeting.setItemLabelGenerator(m -> m.name() + " (" + m.startDate() + ")");
        meeting.setId("observation-meeting");
        com.vaadin.flow.component.select.Select<String> kind = new com.vaadin.flow.component.select.Select<>();
        kind.setLabel(getTranslation("committee.observation-kind"));
        kind.setItems(CommitteeService.OBSERVATION_KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("committee.observation." + k));
        kind.setId("observation-kind");
        com.vaadin.flow.component.textfield.TextArea text = new com.vaadin.flow.component.textfield.TextArea(getTranslation("committee.observation-text"));
        text.setWidthFull();
        text.setId("observation-text");
        TextField source = new TextField(getTranslation("treaties.source-column"));
        source.setId("observation-source");
        Button add = new Button(getTranslation("committee.add-observation"), click -> runObservations(() -> committee.addObservation(
                meeting.getValue() == null ? 0 : meeting.getValue().id(), kind.getValue(), text.getValue(), source.getValue())));
        add.setId("observation-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout meetingFields = new HorizontalLayout(type, name, start, end, location, meetingSource, addMeeting);
        meetingFields.setWrap(true);
        meetingFields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout observationFields = new HorizontalLayout(meeting, kind, source);
        observationFields.setWrap(true);
        return new com.vaadin.flow.component.details.Details(getTranslation("committee.record-observation"),
                new VerticalLayout(new H3(getTranslation("committee.add-meeting")), meetingFields,
                        new H3(getTranslation("committee.add-observation")), observationFields, text, add));
    }

    private void runObservations(Runnable edit) {
        try {
            edit.run();
            showObservations();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ClearwayException e) {
            Notification n = Notification.show(getTranslation(e.key(), e.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void run(Runnable edit) {
        try {
            edit.run();
            showTimeline();
            Notification.show(getTranslation("common.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ClearwayException e) {
            Notification n = Notification.show(getTranslation(e.key(), e.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("committee-error");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.committee") + " · " + getTranslation("app.title");
    }
}
