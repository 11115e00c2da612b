package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.stream.Stream;
import org.clearway.map.query.CoordinationAnalysis;
import org.clearway.map.query.PlaceSearch;
import org.clearway.map.ui.MapView;
import org.clearway.subcluster.SubclusterService;
import org.clearway.test.AsUser;
import org.clearway.test.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/** Browserless (server-side) tests of what the map component is given: base map setting, translated labels. */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class MapViewIT extends SpringBrowserlessTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PlaceSearch places;
    @Autowired
    SubclusterService subclusters;
    @Autowired
    CoordinationAnalysis coordination;

    @AfterEach
    void logout() {
        AsUser.logout();
    }

    @Test
    void the_online_base_map_is_off_unless_configured() {
        AsUser.login(users, "coordinator");
        navigate(MapView.class);
        CwMap map = $(CwMap.class).id("map");
        assertThat(map.getElement().getProperty("xyzUrl")).as("no online base map by default").isNull();
        assertThat(map.getElement().getProperty("attribution")).startsWith("Boundaries: Natural Earth");

        MapView configured = new MapView(places, subclusters, coordination, "https://tiles.example.org/{z}/{x}/{y}.png", "Example tiles");
        CwMap online = maps(configured).findFirst().orElseThrow();
        assertThat(online.getElement().getProperty("xyzUrl")).isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
        assertThat(online.getElement().getProperty("attribution")).startsWith("Boundaries: Natural Earth").endsWith("; base map: Example tiles");
    }

    @Test
    void every_map_gets_translated_labels_and_casualty_codes_read_as_words() {
        AsUser.login(users, "coordinator");
        navigate(MapView.class);
        String labels = $(CwMap.class).id("map").getElement().getPropertyRaw("labels").toString();
        assertThat(labels).contains("\"value.sex.FEMALE\":\"Female\"", "\"value.age_group.CHILD\":\"Child\"", "\"value.civilian.true\":\"Yes\"");

        // a map no view gave labels or an attribution to (the proposal, treaty, import and briefing maps) speaks the user's language
        UI.getCurrent().setLocale(Locale.FRENCH);
        CwMap plain = new CwMap();
        assertThat(plain.getElement().getProperty("attribution")).startsWith("Limites : Natural Earth");
        assertThat(plain.getElement().getPropertyRaw("labels").toString()).contains("\"close\":\"Fermer\"");
        plain.setLabels(java.util.Map.of("map", "Carte du pays"));
        assertThat(plain.getElement().getPropertyRaw("labels").toString()).contains("\"close\":\"Fermer\"", "\"map\":\"Carte du pays\"");
    }

    @Test
    void hazards_filter_by_status_and_colour_by_contamination_with_a_legend() {
        AsUser.login(users, "coordinator");
        navigate(MapView.class);
        CwMap map = $(CwMap.class).id("map");
        @SuppressWarnings("unchecked")
        Select<String> status = $(Select.class).id("hazard-status");
        @SuppressWarnings("unchecked")
        Select<String> colour = $(Select.class).id("hazard-colour");
        status.setValue("RELEASED");
        colour.setValue("contamination_type");
        String layers = map.getElement().getPropertyRaw("layers").toString();
        assertThat(layers).contains("\"status\":\"RELEASED\"").contains("\"by\":\"contamination_type\"");
        assertThat($(Div.class).all().stream().filter(d -> d.hasClassName("cw-legend")).map(d -> d.getElement().getTextRecursively()).toList().toString())
                .contains("Anti-personnel mines", "Cluster munition remnants");
    }

    private static Stream<CwMap> maps(Component root) {
        return Stream.concat(root instanceof CwMap m ? Stream.of(m) : Stream.empty(), root.getChildren().flatMap(MapViewIT::maps));
    }
}
