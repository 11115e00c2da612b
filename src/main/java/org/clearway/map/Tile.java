package org.clearway.map;

/** A rendered vector tile with its entity tag (a hash of the bytes) and the time its SQL took (0 when it came from the cache). */
public record Tile(byte[] bytes, String etag, double renderMs) {

    Tile cached() {
        return new Tile(bytes, etag, 0);
    }
}
