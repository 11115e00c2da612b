package org.clearway.security;

import static org.clearway.jooq.Tables.APP_USER;
import static org.clearway.jooq.Tables.APP_USER_SUBCLUSTER;

import java.util.HashSet;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users, their role and scope from {@code app_user}; used by the login form and HTTP Basic alike. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final DSLContext db;

    AppUserDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = db.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username.toLowerCase())).fetchOne();
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        var subclusters = new HashSet<>(db.select(APP_USER_SUBCLUSTER.SUBCLUSTER_ID).from(APP_USER_SUBCLUSTER)
                .where(APP_USER_SUBCLUSTER.APP_USER_ID.eq(user.getAppUserId())).fetch(APP_USER_SUBCLUSTER.SUBCLUSTER_ID));
        var scope = new UserScope(user.getAppUserId(), user.getUsername(), user.getDisplayName(),
                Role.valueOf(user.getRole()), user.getOrganisationId(), subclusters);
        return new ClearwayPrincipal(scope, user.getPasswordHash(), user.getEnabled());
    }
}
