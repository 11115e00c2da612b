package org.clearway.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The scope of the user behind the current request (or of the system for background work). */
@Component
public class CurrentUser {

    public Optional<UserScope> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ClearwayPrincipal principal) {
            return Optional.of(principal.scope());
        }
        return Optional.empty();
    }

    /** Whether the current user has a global role (admin or global coordinator). */
    public boolean isGlobal() {
        return find().map(UserScope::isGlobal).orElse(false);
    }

    /** The current user's scope; refuses anonymous callers. */
    public UserScope require() {
        return find().orElseThrow(() -> new AccessDeniedException("error.access.login-required"));
    }
}
