package org.clearway.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.clearway.test.ClearwayWebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tile cache against the change records of the database: a burst of records, as row-by-row writers leave. */
@ClearwayWebTest
class TileCacheIT {

    @Autowired
    TileCache cache;
    @Autowired
    DSLContext db;

    private final Tile tile = new Tile(new byte[] {1, 2, 3}, "\"test\"", 1);

    @AfterEach
    void removeRecords() {
        db.execute("DELETE FROM tile_invalidation WHERE layer = 'hazards' AND bbox && ST_MakeEnvelope(30.49, 50.43, 30.54, 50.47, 4326)");
    }

    static TileKey key(String layer, double lon, double lat, int z) {
        int[] xy = TileEndpointIT.tileOf(lon, lat, z);
        return new TileKey(TileLayer.byId(layer).orElseThrow(), z, xy[0], xy[1], List.of(), "");
    }

    @Test
    void a_burst_of_change_records_is_applied_in_one_pass_and_drops_only_the_tiles_it_touches() {
        cache.poll();
        TileKey kyiv = key("hazards", 30.52, 50.45, 12);
        TileKey aden = key("hazards", 45.03, 12.80, 12);
        TileKey kyivCasualties = key("casualties", 30.52, 50.45, 12);
        long before = cache.generation();
        for (TileKey k : List.of(kyiv, aden, kyivCasualties)) {
            cache.put(k, tile, before);
            assertThat(cache.get(k)).as(k.toString()).isPresent();
        }
        // 100,000 change records in Kyiv, one per statement of a writer inserting hazards row by row (GDAL -append does)
        db.execute("""
                INSERT INTO tile_invalidation (layer, bbox)
                SELECT 'hazards', ST_MakeEnvelope(30.50 + n * 1e-7, 50.44, 30.53, 50.46, 4326) FROM generate_series(1, 100000) n""");
        // a guard against a hang, not a speed target: the cache once walked its list of recent records once per record it let go
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cache.poll()); // it takes about 1 s; the old way, a minute
        assertThat(cache.get(kyiv)).as("the hazards tile under the changes").isEmpty();
        assertThat(cache.get(aden)).as("a hazards tile elsewhere").isPresent();
        assertThat(cache.get(kyivCasualties)).as("another layer's tile at the same place").isPresent();
        // a render that started before the burst cannot be checked against all of it (only the newest records are kept): not
        // cached, even where none of the records kept touches it
        TileKey sanaa = key("hazards", 44.21, 15.35, 12);
        cache.put(sanaa, tile, before);
        assertThat(cache.get(sanaa)).isEmpty();
        cache.put(kyiv, tile, before);
        assertThat(cache.get(kyiv)).isEmpty();
        // one that starts now is
        cache.put(kyiv, tile, cache.generation());
        assertThat(cache.get(kyiv)).isPresent();
    }

    @Test
    void renaming_an_organisation_or_changing_activities_or_plans_drops_the_layers_that_show_them() {
        cache.poll();
        TileKey proposals = key("proposals", 30.52, 50.45, 8);
        TileKey subclusters = key("subclusters", 30.52, 50.45, 8);
        TileKey admin1 = key("admin1", 30.52, 50.45, 8);
        TileKey hazards = key("hazards", 30.52, 50.45, 8);
        List<TileKey> all = List.of(proposals, subclusters, admin1, hazards);
        all.forEach(k -> cache.put(k, tile, cache.generation()));

        db.execute("UPDATE organisation SET acronym = 'HALO Trust' WHERE acronym = 'HALO'");
        db.execute("UPDATE organisation SET acronym = 'HALO' WHERE acronym = 'HALO Trust'");
        cache.poll();
        assertThat(cache.get(proposals)).as("proposal tiles show organisations").isEmpty();
        assertThat(cache.get(subclusters)).as("sub-cluster tiles show their lead").isEmpty();
        assertThat(cache.get(admin1)).isPresent();
        assertThat(cache.get(hazards)).isPresent();

        all.forEach(k -> cache.put(k, tile, cache.generation()));
        long proposal = db.fetchOne("SELECT min(p.proposal_id) FROM proposal p WHERE NOT EXISTS (SELECT 1 FROM proposal_activity a"
                + " WHERE a.proposal_id = p.proposal_id AND a.activity = 'ADVOCACY')").get(0, Long.class);
        db.execute("INSERT INTO proposal_activity (proposal_id, activity) VALUES (?, 'ADVOCACY')", proposal);
        db.execute("DELETE FROM proposal_activity WHERE proposal_id = ? AND activity = 'ADVOCACY'", proposal);
        cache.poll();
        assertThat(cache.get(proposals)).as("the activity filter reads proposal activities").isEmpty();
        assertThat(cache.get(subclusters)).isPresent();

        all.forEach(k -> cache.put(k, tile, cache.generation()));
        db.execute("UPDATE response_plan SET name = name WHERE response_plan_id = (SELECT min(response_plan_id) FROM response_plan)");
        cache.poll();
        assertThat(cache.get(proposals)).as("the year filter reads plans").isEmpty();
        assertThat(cache.get(admin1)).as("the funding gap is per plan year").isEmpty();
        assertThat(cache.get(hazards)).isPresent();
    }
}
