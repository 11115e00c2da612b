package org.clearway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearway.jooq.Tables.APP_USER;

import org.clearway.test.ClearwayTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Remembered password checks never outlive a password change or a disabled account. */
@ClearwayTest
class CachingAuthenticationProviderIT {

    @Autowired
    CachingAuthenticationProvider provider;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    DSLContext db;

    @BeforeEach
    void user() {
        db.insertInto(APP_USER).set(APP_USER.USERNAME, "cache.test").set(APP_USER.DISPLAY_NAME, "Cache test")
                .set(APP_USER.PASSWORD_HASH, encoder.encode("first")).set(APP_USER.ROLE, "DONOR").set(APP_USER.SYNTHETIC, true).execute();
    }

    @AfterEach
    void remove() {
        db.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq("cache.test")).execute();
    }

    private Object login(String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cache.test", password)).getPrincipal();
    }

    @Test
    void a_password_change_or_a_disabled_account_takes_effect_at_once() {
        assertThat(login("first")).isInstanceOf(ClearwayPrincipal.class);
        assertThat(login("first")).as("remembered check").isInstanceOf(ClearwayPrincipal.class);
        assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);

        db.update(APP_USER).set(APP_USER.PASSWORD_HASH, encoder.encode("second")).where(APP_USER.USERNAME.eq("cache.test")).execute();
        assertThatThrownBy(() -> login("first")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("second")).isInstanceOf(ClearwayPrincipal.class);

        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.USERNAME.eq("cache.test")).execute();
        assertThatThrownBy(() -> login("second")).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
