package org.clearway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for the hot endpoints that answer ahead of the Spring Security filter chain (map
 * tiles: a map view asks for dozens per second). The same answer the chain would give: the user of the
 * signed-in session (the context Spring Security stored in it), else the user of HTTP Basic credentials
 * checked by the same provider as everywhere else, else anonymous.
 *
 * <p>Basic credentials are checked once and the resulting scope is kept for a minute, keyed by an HMAC of
 * the header (with a key of this process: a heap dump gives no fast way to guess passwords). Every instance
 * drops all of them when a user, a password or a user's sub-clusters change ({@link #forgetAll()}, driven by
 * the change records each instance polls), so for HTTP Basic a disabled user or a changed scope takes effect
 * within about a second, on every instance. A signed-in session keeps the scope it signed in with, as
 * everywhere else in the app, until it ends.
 */
@Component
public class RequestCaller {

    private final CachingAuthenticationProvider provider;
    private final Cache<String, UserScope> basic = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();
    /** Counts {@link #forgetAll()} calls: a check that was running while the users changed is not remembered. */
    private final AtomicLong generation = new AtomicLong();
    /** HMAC-SHA256 under a key of this process, one instance per thread (a Mac is not thread-safe; making one costs more than using it). */
    private final ThreadLocal<Mac> hmac;

    RequestCaller(CachingAuthenticationProvider provider) {
        this.provider = provider;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The caller's scope, or empty for anonymous callers.
     *
     * @throws BadCredentialsException when the request carries Basic credentials that are wrong, malformed or of a disabled user
     */
    public Optional<UserScope> find(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic", 0, 5)) {
            String key = hmac(header);
            UserScope scope = basic.getIfPresent(key);
            if (scope == null) {
                long before = generation.get();
                scope = check(header.substring(5).strip());
                if (generation.get() == before) {
                    basic.put(key, scope);
                }
            }
            return Optional.of(scope);
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                ? CurrentUser.scopeOf(context) : Optional.empty();
    }

    /** Forgets every remembered Basic check (a user, password or scope changed somewhere). */
    public void forgetAll() {
        generation.incrementAndGet();
        basic.invalidateAll();
    }

    private UserScope check(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new BadCredentialsException("Malformed Basic credentials");
        }
        try {
            Authentication auth = provider.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1)));
            return ((ClearwayPrincipal) auth.getPrincipal()).scope();
        } catch (AuthenticationException e) {
            throw new BadCredentialsException("Bad credentials", e);
        }
    }

    private String hmac(String text) {
        return HexFormat.of().formatHex(hmac.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
