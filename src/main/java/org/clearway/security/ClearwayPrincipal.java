package org.clearway.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security holds it: credentials plus the scope. */
public final class ClearwayPrincipal implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserScope scope;
    private final String passwordHash;
    private final boolean enabled;

    public ClearwayPrincipal(UserScope scope, String passwordHash, boolean enabled) {
        this.scope = scope;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public UserScope scope() {
        return scope;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(scope.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return scope.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
