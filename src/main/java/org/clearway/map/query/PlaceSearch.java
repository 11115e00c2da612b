package org.clearway.map.query;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds countries and admin areas by name or P-code (case-insensitive), exact P-codes first. */
@Service
public class PlaceSearch {

    private final DSLContext db;

    public PlaceSearch(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public List<Place> search(String text, int limit, int offset) {
        String q = text == null ? "" : text.strip();
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.resultQuery("""
                SELECT pcode, name, iso3, level, ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)
                FROM admin_area
                WHERE {0} = '' OR upper(pcode) = upper({0}) OR name ILIKE {1} OR pcode ILIKE {1} OR iso3 = upper({0})
                ORDER BY (upper(pcode) = upper({0})) DESC, level, name
                LIMIT {2} OFFSET {3}
                """, DSL.val(q), DSL.val(like), DSL.val(limit), DSL.val(offset))
                .fetch(r -> new Place(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class),
                        r.get(4, Double.class), r.get(5, Double.class), r.get(6, Double.class), r.get(7, Double.class)));
    }
}
