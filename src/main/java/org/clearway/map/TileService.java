package org.clearway.map;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.clearway.security.UserScope;
import org.springframework.stereotype.Service;

/** Validates a tile request, binds it to the layer's SQL function and caches the result per scope. */
@Service
public class TileService {

    public static final int MAX_ZOOM = 22;

    private final DataSource dataSource;
    private final TileCache cache;

    TileService(DataSource dataSource, TileCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** The tile for this request and caller (empty scope = anonymous: published data only). */
    public Tile tile(String layerId, int z, int x, int y, Map<String, String> params, Optional<UserScope> scope) {
        TileLayer layer = TileLayer.byId(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
        TileKey key = key(layer, z, x, y, params, scope);
        Optional<Tile> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get().cached();
        }
        long generation = cache.generation();
        long start = System.nanoTime();
        byte[] bytes = render(key, scope);
        Tile tile = new Tile(bytes, etag(bytes), (System.nanoTime() - start) / 1e6);
        cache.put(key, tile, generation);
        return tile;
    }

    /** The same SQL with the same bound values as the endpoint, without cache or HTTP (benchmarks compare the two). */
    public byte[] renderUncached(String layerId, int z, int x, int y, Map<String, String> params, Optional<UserScope> scope) {
        TileLayer layer = TileLayer.byId(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
        return render(key(layer, z, x, y, params, scope), scope);
    }

    private TileKey key(TileLayer layer, int z, int x, int y, Map<String, String> params, Optional<UserScope> scope) {
        if (z < 0 || z > MAX_ZOOM) {
            throw new InvalidTileRequestException("error.tile.zoom", z, MAX_ZOOM);
        }
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new InvalidTileRequestException("error.tile.xy", x, y, z, n - 1);
        }
        List<Object> filters = new ArrayList<>();
        for (TileFilter filter : layer.filters()) {
            filters.add(filter.parse(params.get(filter.parameter())));
        }
        return new TileKey(layer, z, x, y, filters, layer.scoped() ? scopeKey(scope) : "");
    }

    private byte[] render(TileKey key, Optional<UserScope> scope) {
        List<Object> binds = new ArrayList<>(List.of(key.z(), key.x(), key.y()));
        if (key.layer().scoped()) {
            binds.add(scope.map(s -> s.role().name()).orElse("ANONYMOUS"));
            binds.add(scope.map(UserScope::organisationId).orElse(null));
            binds.add(scope.map(s -> s.subclusterIds().stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}"))).orElse("{}"));
        }
        binds.addAll(key.filters());
        // plain JDBC: the tile is one bytea value, and every map view asks for dozens of tiles a second
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(key.layer().sql())) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                return bytes == null ? new byte[0] : bytes;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tile " + key.layer().id() + " " + key.z() + "/" + key.x() + "/" + key.y() + ": " + e.getMessage(), e);
        }
    }

    private static String scopeKey(Optional<UserScope> scope) {
        return scope.map(s -> switch (s.role()) {
            case ADMIN, GLOBAL_COORDINATOR -> "global";
            case SUBCLUSTER_LEAD -> "lead:" + s.subclusterIds().stream().sorted().toList();
            case PARTNER -> "org:" + s.organisationId();
            case DONOR -> "public";
        }).orElse("public");
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
