package org.clearway.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Translated texts outside Vaadin views (HTTP error bodies, exports): the same bundles the UI uses. */
public final class Messages {

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle("vaadin-i18n/translations", locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static String get(Locale locale, ClearwayException e) {
        return get(locale, e.key(), e.args());
    }
}
