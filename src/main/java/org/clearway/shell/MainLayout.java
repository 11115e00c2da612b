package org.clearway.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import org.clearway.security.CurrentUser;
import org.clearway.security.UserPreferences;

/**
 * The application shell: title, navigation to the views this user may open (from their {@code @Menu}
 * annotations, so the shell depends on no feature), language switch, the user's name and role.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, UserPreferences preferences, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        Span brand = new Span(getTranslation("app.title"));
        brand.addClassName("cw-brand");
        addToDrawer(brand, navigation());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("cw-source");

        Select<String> language = new Select<>();
        language.setItems(List.of("en", "fr"));
        language.setItemLabelGenerator(code -> getTranslation("lang." + code));
        language.setValue(getLocale().getLanguage().equals("fr") ? "fr" : "en");
        language.setAriaLabel(getTranslation("lang.label"));
        language.setId("language-switch");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                preferences.setLanguage(e.getValue());
                getUI().ifPresent(ui -> {
                    ui.getSession().setLocale(Locale.forLanguageTag(e.getValue()));
                    ui.getPage().reload();
                });
            }
        });

        Span user = new Span();
        user.addClassName("cw-user");
        currentUser.find().ifPresent(scope -> {
            Span name = new Span(scope.displayName());
            name.setId("current-user");
            Span role = new Span(getTranslation("role." + scope.role().name()));
            role.getElement().getThemeList().add("badge contrast");
            Button logout = new Button(getTranslation("user.logout"), click -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            user.add(name, role, language, logout);
        });
        addToNavbar(toggle, tagline, user);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        MenuConfiguration.getMenuEntries().forEach(entry ->
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        return nav;
    }
}
