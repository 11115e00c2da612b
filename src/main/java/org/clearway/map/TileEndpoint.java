package org.clearway.map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clearway.common.Messages;
import org.clearway.security.RequestCaller;
import org.clearway.security.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt}: Mapbox Vector Tiles from PostGIS, for the map and for any
 * MVT client. Anonymous callers get public data; signed-in users (session or HTTP Basic) their scope.
 *
 * <p>A map view asks for dozens of tiles a second, and each answer is one value the database computes, so
 * the endpoint is a servlet filter in front of everything else: it resolves the caller itself
 * ({@link RequestCaller}: the same session and the same Basic check as the security chain), asks
 * {@link TileService} and writes the bytes. Tiles are read-only, never create a session and carry no
 * cookies, so nothing of the general chain (CSRF, saved requests, the UI's login redirects) applies. The
 * benchmark ({@code ./clearway bench tiles}) compares this path with the same SQL over JDBC.
 */
final class TileEndpoint implements Filter {

    static final String PREFIX = "/tiles/";
    static final String MVT = "application/vnd.mapbox-vector-tile";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(TileEndpoint.class);

    private final TileService tiles;
    private final RequestCaller caller;

    TileEndpoint(TileService tiles, RequestCaller caller) {
        this.tiles = tiles;
        this.caller = caller;
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<TileEndpoint> tileEndpoint(TileService tiles, RequestCaller caller) {
            FilterRegistrationBean<TileEndpoint> bean = new FilterRegistrationBean<>(new TileEndpoint(tiles, caller));
            bean.addUrlPatterns(PREFIX + "*");
            // first of all filters: ahead of the request observation (metrics, HIGHEST_PRECEDENCE + 1) and Spring Security (-100)
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            bean.setName("tileEndpoint");
            return bean;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        String method = request.getMethod();
        Locale locale = request.getLocale();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, locale, "error.tile.method");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/", -1) : new String[0];
        if (parts.length != 4 || !parts[3].endsWith(".mvt")) {
            error(response, HttpServletResponse.SC_NOT_FOUND, locale, "error.tile.path");
            return;
        }
        try {
            Optional<UserScope> scope = caller.find(request);
            long start = System.nanoTime();
            Tile tile = tiles.tile(parts[0], number(parts[1]), number(parts[2]), number(parts[3].substring(0, parts[3].length() - 4)),
                    parameters(request), scope);
            double totalMs = (System.nanoTime() - start) / 1e6;
            response.setHeader("ETag", tile.etag());
            response.setHeader("Cache-Control", "max-age=60, private");
            response.setHeader("Vary", "Authorization, Cookie");
            if (matches(request.getHeader("If-None-Match"), tile.etag())) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            // Server-Timing: browsers' developer tools show how long the tile's SQL took (0 = from the cache)
            response.setHeader("Server-Timing", "tile;dur=" + millis(totalMs) + ", render;dur=" + millis(tile.renderMs()));
            response.setContentType(MVT);
            response.setContentLength(tile.bytes().length);
            if ("GET".equals(method)) {
                response.getOutputStream().write(tile.bytes());
            }
        } catch (InvalidTileRequestException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, locale, e.key(), e.args());
        } catch (UnknownLayerException e) {
            error(response, HttpServletResponse.SC_NOT_FOUND, locale, e.key(), e.args());
        } catch (BadCredentialsException e) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Clearway\", charset=\"UTF-8\"");
            error(response, HttpServletResponse.SC_UNAUTHORIZED, locale, "error.auth.bad-credentials");
        } catch (RuntimeException e) {
            // the database is down or every connection busy: one line in the log, a JSON answer the map can retry, never a
            // stack trace (nor the error page, which would go through the UI's security chain)
            LOG.warn("tile {} failed: {}", path, e.toString());
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setHeader("Retry-After", "5");
                error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, locale, "error.tile.unavailable");
            }
        }
    }

    /** Whether an If-None-Match header (a list, weak tags, or *) matches the tile's entity tag. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds with two decimals, without the cost of a formatter on every tile. */
    static String millis(double ms) {
        long hundredths = Math.round(ms * 100);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? null : values[0]));
        return params;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidTileRequestException("error.tile.number", text);
        }
    }

    private static void error(HttpServletResponse response, int status, Locale locale, String key, Object... args) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("error", key, "message", Messages.get(locale, key, args)));
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
