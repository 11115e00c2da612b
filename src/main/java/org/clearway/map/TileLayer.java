package org.clearway.map;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The vector tile layers, each backed by one SQL function {@code tile_<id>} (db/migration/R__tile_functions.sql)
 * and the filters it accepts, in the order of the function's parameters after z/x/y.
 */
public enum TileLayer {
    COUNTRIES("countries", false, TileFilter.TREATY),
    ADMIN1("admin1", false, TileFilter.YEAR),
    SUBCLUSTERS("subclusters", false),
    PROPOSALS("proposals", true, TileFilter.YEAR, TileFilter.SUBCLUSTER, TileFilter.STATUS, TileFilter.ACTIVITY),
    HAZARDS("hazards", false, TileFilter.COUNTRY, TileFilter.HAZARD_STATUS, TileFilter.HAZARD_TYPE),
    LAND_RELEASE("land_release", false, TileFilter.COUNTRY, TileFilter.YEAR),
    CASUALTIES("casualties", false, TileFilter.COUNTRY, TileFilter.YEAR),
    EORE("eore", false, TileFilter.COUNTRY, TileFilter.YEAR);

    private final String id;
    private final boolean scoped;
    private final List<TileFilter> filters;

    TileLayer(String id, boolean scoped, TileFilter... filters) {
        this.id = id;
        this.scoped = scoped;
        this.filters = List.of(filters);
    }

    public String id() {
        return id;
    }

    /** Whether the tile's content depends on who asks (unpublished proposals). */
    public boolean scoped() {
        return scoped;
    }

    public List<TileFilter> filters() {
        return filters;
    }

    /** The bound SQL call, e.g. {@code SELECT tile_hazards(?, ?, ?, ?, ?, ?)}; scoped layers take role, organisation and sub-clusters first. */
    public String sql() {
        int params = 3 + (scoped ? 3 : 0) + filters.size();
        StringBuilder sql = new StringBuilder("SELECT tile_").append(id).append('(');
        for (int i = 0; i < params; i++) {
            sql.append(i == 0 ? "" : ", ").append(scoped && i == 5 ? "?::bigint[]" : "?");
        }
        return sql.append(')').toString();
    }

    public static Optional<TileLayer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
