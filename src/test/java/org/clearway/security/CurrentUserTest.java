package org.clearway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/** Several application contexts in one JVM each install their own holder strategy globally: the scope is read from our own. */
class CurrentUserTest {

    private final SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restore() {
        SecurityContextHolder.clearContext();
        SecurityContextHolder.setContextHolderStrategy(before);
    }

    private static UsernamePasswordAuthenticationToken as(String name, Role role) {
        ClearwayPrincipal p = new ClearwayPrincipal(new UserScope(1L, name, name, role, null, Set.of()), "x", true);
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    @Test
    void the_context_of_this_applications_filters_wins_over_a_global_holder_installed_later() throws Exception {
        SecurityContextHolderStrategy ours = new VaadinAwareSecurityContextHolderStrategy();
        CurrentUser current = new CurrentUser(new StaticListableBeanFactory(Map.of("strategy", ours)).getBeanProvider(SecurityContextHolderStrategy.class));
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy()); // another context started after ours

        ours.setContext(new SecurityContextImpl(as("coordinator", Role.GLOBAL_COORDINATOR)));
        assertThat(current.find()).map(UserScope::username).hasValue("coordinator");

        ours.clearContext();
        assertThat(current.find()).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(as("donor", Role.DONOR)); // signed in through the global holder
        assertThat(current.find()).map(UserScope::username).hasValue("donor");
    }
}
