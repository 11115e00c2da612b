package org.clearway.map;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clearway.common.ClearwayException;
import org.clearway.common.Messages;
import org.clearway.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt}: Mapbox Vector Tiles from PostGIS, for the map and for
 * any MVT client. Anonymous callers get public data; signed-in users (session or HTTP Basic) their scope.
 */
@RestController
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final TileService tiles;
    private final CurrentUser currentUser;

    TileController(TileService tiles, CurrentUser currentUser) {
        this.tiles = tiles;
        this.currentUser = currentUser;
    }

    @GetMapping("/tiles/{layer}/{z}/{x}/{y}.mvt")
    ResponseEntity<byte[]> tile(@PathVariable String layer, @PathVariable String z, @PathVariable String x, @PathVariable String y,
                                @RequestParam Map<String, String> params,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        long start = System.nanoTime();
        Tile tile = tiles.tile(layer, number(z), number(x), number(y), params, currentUser.find());
        double totalMs = (System.nanoTime() - start) / 1e6;
        CacheControl cache = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePrivate();
        if (tile.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(cache).build();
        }
        // Server-Timing: browsers' developer tools show how long the tile's SQL took (0 = from the cache)
        return ResponseEntity.ok().contentType(MVT).eTag(tile.etag()).cacheControl(cache)
                .header("Server-Timing", String.format(Locale.ROOT, "tile;dur=%.2f, render;dur=%.2f", totalMs, tile.renderMs()))
                .body(tile.bytes());
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidTileRequestException("error.tile.number", text);
        }
    }

    @ExceptionHandler(InvalidTileRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(InvalidTileRequestException e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, e, locale);
    }

    @ExceptionHandler(UnknownLayerException.class)
    ResponseEntity<Map<String, String>> notFound(UnknownLayerException e, Locale locale) {
        return error(HttpStatus.NOT_FOUND, e, locale);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, ClearwayException e, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.key(), "message", Messages.get(locale, e)));
    }
}
