package org.clearway.test;

import org.clearway.security.ClearwayPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs test code as one of the demo users, with the scope loaded from the database as at login. */
public final class AsUser {

    private AsUser() {
    }

    public static ClearwayPrincipal login(UserDetailsService users, String username) {
        ClearwayPrincipal principal = (ClearwayPrincipal) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return principal;
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
