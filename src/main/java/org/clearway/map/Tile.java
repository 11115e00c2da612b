package org.clearway.map;

/** A rendered vector tile with its entity tag (a hash of the bytes). */
public record Tile(byte[] bytes, String etag) {
}
