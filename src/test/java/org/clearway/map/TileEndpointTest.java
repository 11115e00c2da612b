package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileEndpointTest {

    @Test
    void if_none_match_takes_lists_weak_tags_and_star() {
        String etag = "\"abc\"";
        assertThat(TileEndpoint.matches(null, etag)).isFalse();
        assertThat(TileEndpoint.matches("\"abc\"", etag)).isTrue();
        assertThat(TileEndpoint.matches("W/\"abc\"", etag)).isTrue();
        assertThat(TileEndpoint.matches("\"x\", W/\"abc\"", etag)).isTrue();
        assertThat(TileEndpoint.matches("*", etag)).isTrue();
        assertThat(TileEndpoint.matches("\"abcd\", \"ab\"", etag)).isFalse();
    }

    @Test
    void server_timing_milliseconds_have_two_decimals() {
        assertThat(TileEndpoint.millis(0)).isEqualTo("0.00");
        assertThat(TileEndpoint.millis(3.456)).isEqualTo("3.46");
        assertThat(TileEndpoint.millis(12.05)).isEqualTo("12.05");
        assertThat(TileEndpoint.millis(7.1)).isEqualTo("7.10");
    }
}
