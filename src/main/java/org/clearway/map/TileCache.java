package org.clearway.map;

import static org.clearway.jooq.Tables.TILE_INVALIDATION;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.clearway.security.RequestCaller;
import org.jooq.DSLContext;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rendered tiles kept in memory, dropped when the data under them changes. Changes are recorded by
 * database triggers in {@code tile_invalidation} (layer + extent), which every app instance polls, so
 * several instances on one database each drop what a change touched. A tile computed while a change
 * was committing is not cached when the change touches it (generation check).
 */
@Component
class TileCache {

    private record Invalidation(long seq, String layer, Envelope extent) {
        boolean touches(TileKey key) {
            if (!layer.equals(key.layer().id())) {
                return false;
            }
            if (extent == null) {
                return true;
            }
            return extent.intersects(key.envelope());
        }
    }

    /** The change records' "layer" for users, passwords and users' sub-clusters: remembered Basic checks are dropped. */
    static final String USERS = "users";

    private final DSLContext db;
    private final RequestCaller callers;
    private final Cache<TileKey, Tile> tiles;
    /** The newest change records, for {@link #put}: at most {@link #RECENT} (a count of its own: the deque's size() walks it). */
    private final ConcurrentLinkedDeque<Invalidation> recent = new ConcurrentLinkedDeque<>();
    static final int RECENT = 10_000;
    private int recentCount;
    /** The newest change record dropped from {@link #recent}: a render that started before it cannot be checked, so is not kept. */
    private volatile long forgottenUpTo;
    /** The highest change record id read so far. */
    private volatile long lastSeen = -1;
    /** How many change records this instance has applied (the generation a tile render starts in). */
    private volatile long applied;
    /**
     * Ids below {@link #lastSeen} not seen yet, with when they were first missed: ids come from a sequence when a
     * change is written, so a transaction that took an id earlier may commit after a later one was read. Read
     * again on every poll for ten minutes (then taken as rolled back).
     */
    private final Map<Long, Long> gaps = new HashMap<>();
    private final boolean disabled;

    TileCache(DSLContext db, RequestCaller callers, @Value("${clearway.tiles.cache-mb:256}") long cacheMb) {
        this.db = db;
        this.callers = callers;
        this.disabled = cacheMb <= 0;
        this.tiles = Caffeine.newBuilder().maximumWeight(cacheMb * 1024 * 1024)
                .weigher((TileKey k, Tile t) -> t.bytes().length + 256)
                .expireAfterWrite(Duration.ofHours(1)) // a safety net: a change record missed for whatever reason is not forever
                .build();
    }

    Optional<Tile> get(TileKey key) {
        return Optional.ofNullable(tiles.getIfPresent(key));
    }

    /** The invalidation generation to capture before rendering a tile. */
    long generation() {
        if (lastSeen < 0) {
            poll();
        }
        return applied;
    }

    void put(TileKey key, Tile tile, long generationAtStart) {
        if (disabled || stale(key, generationAtStart)) {
            return;
        }
        // kept, then checked again: a change that a poll records meanwhile is either seen by this second check or,
        // recorded after it, dropped by that poll's pass over the cache
        tiles.put(key, tile);
        if (stale(key, generationAtStart)) {
            tiles.asMap().remove(key, tile); // this tile only, not a fresher one another request put meanwhile
        }
    }

    private boolean stale(TileKey key, long generationAtStart) {
        if (generationAtStart < forgottenUpTo) { // changes since its start are no longer all known (a burst of them)
            return true;
        }
        // newest first: only the changes recorded since this tile's render started matter
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            Invalidation inv = it.next();
            if (inv.seq() <= generationAtStart) {
                break;
            }
            if (inv.touches(key)) {
                return true;
            }
        }
        // a poll may have let records go while this walked towards them (it says so before it does)
        return generationAtStart < forgottenUpTo;
    }

    long size() {
        tiles.cleanUp();
        return tiles.estimatedSize();
    }

    /** Reads the changes recorded since the last poll and drops the cached tiles they touch. */
    @Scheduled(fixedDelayString = "${clearway.tiles.poll-ms:1000}")
    synchronized void poll() {
        if (lastSeen < 0) {
            Long max = db.select(org.jooq.impl.DSL.max(TILE_INVALIDATION.TILE_INVALIDATION_ID)).from(TILE_INVALIDATION).fetchOne().value1();
            lastSeen = max == null ? 0 : max;
            return;
        }
        long now = System.nanoTime();
        gaps.values().removeIf(since -> now - since > TimeUnit.MINUTES.toNanos(10));
        var rows = db.select(TILE_INVALIDATION.TILE_INVALIDATION_ID, TILE_INVALIDATION.LAYER, TILE_INVALIDATION.BBOX)
                .from(TILE_INVALIDATION).where(TILE_INVALIDATION.TILE_INVALIDATION_ID.gt(lastSeen)
                        .or(TILE_INVALIDATION.TILE_INVALIDATION_ID.in(gaps.keySet())))
                .orderBy(TILE_INVALIDATION.TILE_INVALIDATION_ID).fetch();
        // a writer that changes rows one statement at a time (GDAL -append, a script, an editing client) leaves a record per
        // statement: all of a poll's records are applied in one pass over the cached tiles, each layer's extents in an R-tree
        Set<String> wholeLayers = new HashSet<>();
        Map<String, List<Envelope>> extents = new HashMap<>();
        boolean users = false;
        long seq = applied;
        for (var row : rows) {
            long id = row.value1();
            if (gaps.remove(id) == null) {
                for (long missing = Math.max(lastSeen + 1, id - 1_000); missing < id; missing++) {
                    gaps.put(missing, now);
                }
                lastSeen = id;
            }
            Geometry bbox = row.value3();
            Invalidation inv = new Invalidation(++seq, row.value2(), bbox == null ? null : bbox.getEnvelopeInternal());
            users |= USERS.equals(inv.layer());
            remember(inv); // before the tiles are dropped: a render finishing meanwhile sees it and is not kept
            if (inv.extent() == null) {
                wholeLayers.add(inv.layer());
            } else {
                extents.computeIfAbsent(inv.layer(), k -> new ArrayList<>()).add(inv.extent());
            }
        }
        if (users) {
            callers.forgetAll();
        }
        drop(wholeLayers, extents);
        applied = seq;
    }

    private void remember(Invalidation inv) {
        recent.add(inv);
        if (++recentCount > RECENT) {
            forgottenUpTo = recent.peekFirst().seq(); // said before the record goes (only this synchronized poll removes)
            recent.pollFirst();
            recentCount--;
        }
    }

    private void drop(Set<String> wholeLayers, Map<String, List<Envelope>> extents) {
        if (wholeLayers.isEmpty() && extents.isEmpty()) {
            return;
        }
        Map<String, STRtree> trees = new HashMap<>();
        extents.forEach((layer, list) -> {
            STRtree tree = new STRtree();
            list.forEach(e -> tree.insert(e, e));
            trees.put(layer, tree);
        });
        tiles.asMap().keySet().removeIf(key -> {
            if (wholeLayers.contains(key.layer().id())) {
                return true;
            }
            STRtree tree = trees.get(key.layer().id());
            if (tree == null) {
                return false;
            }
            return !tree.query(key.envelope()).isEmpty(); // the records whose extent meets the tile's
        });
    }

    /** Old change records are of no use to anyone: keep a day. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void prune() {
        db.deleteFrom(TILE_INVALIDATION).where(TILE_INVALIDATION.CREATED_AT.lt(OffsetDateTime.now().minusDays(1))).execute();
    }
}
