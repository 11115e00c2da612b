package org.clearway.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The scope of the user behind the current request (or of the system for background work).
 *
 * <p>Reads the security context through the holder strategy of this application context: the one its
 * security filters write to (Vaadin's, which also finds the user of a UI's background work through its
 * session). The global {@link SecurityContextHolder} is the same object in a running app; but every
 * application context installs its own strategy globally, so where several run in one JVM (the tests)
 * the global one belongs to whichever started last, and a request signed in with HTTP Basic looked
 * anonymous. The global holder is still read when this context's holds nobody (code that signs in
 * through it, as the tests' {@code AsUser} does).
 */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy strategy;

    public CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<UserScope> find() {
        Optional<UserScope> own = scopeOf(strategy.getContext());
        return own.isPresent() || strategy == SecurityContextHolder.getContextHolderStrategy() ? own : scopeOf(SecurityContextHolder.getContext());
    }

    /** The scope of a security context's user, if it holds one of ours. */
    static Optional<UserScope> scopeOf(SecurityContext context) {
        Authentication auth = context == null ? null : context.getAuthentication();
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
