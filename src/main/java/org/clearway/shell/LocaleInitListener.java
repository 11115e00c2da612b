package org.clearway.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.clearway.security.UserPreferences;
import org.springframework.stereotype.Component;

/** Every new UI of a signed-in user gets the language the user chose (stored in the database). */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    private final UserPreferences preferences;

    LocaleInitListener(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> uiEvent.getUI().setLocale(preferences.locale()));
    }
}
