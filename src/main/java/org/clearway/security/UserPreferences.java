package org.clearway.security;

import static org.clearway.jooq.Tables.APP_USER;

import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user's chosen language, kept in the database so every app instance agrees. */
@Service
public class UserPreferences {

    public static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final DSLContext db;
    private final CurrentUser currentUser;

    public UserPreferences(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Locale locale() {
        return currentUser.find()
                .map(scope -> db.select(APP_USER.LOCALE).from(APP_USER).where(APP_USER.APP_USER_ID.eq(scope.userId()))
                        .fetchOptional(APP_USER.LOCALE).orElse("en"))
                .map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    /** Whether the demo accounts exist (they come only with the demo data). */
    @Transactional(readOnly = true)
    public boolean demoAccountsPresent() {
        return db.fetchExists(APP_USER, APP_USER.SYNTHETIC.isTrue());
    }

    @Transactional
    public void setLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unsupported language " + language);
        }
        UserScope scope = currentUser.require();
        db.update(APP_USER).set(APP_USER.LOCALE, language).where(APP_USER.APP_USER_ID.eq(scope.userId())).execute();
    }
}
