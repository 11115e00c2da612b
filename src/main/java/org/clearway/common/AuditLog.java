package org.clearway.common;

import static org.clearway.jooq.Tables.AUDIT_EVENT;

import org.clearway.security.CurrentUser;
import org.clearway.security.UserScope;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.locationtech.jts.geom.Geometry;
import org.jooq.JSONB;
import org.jooq.JSONFormat;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write goes here, in the writer's transaction: who, when, what, the row before and after
 * (as JSON of the database row, so an event can be used to restore it). The table is append-only.
 */
@Service
public class AuditLog {

    private static final JSONFormat FORMAT = JSONFormat.DEFAULT_FOR_RECORDS.recordFormat(JSONFormat.RecordFormat.OBJECT);

    private final DSLContext db;
    private final CurrentUser currentUser;

    public AuditLog(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entity, Object entityId, Record before, Record after) {
        String actor = currentUser.find().map(UserScope::username).orElse(UserScope.SYSTEM.username());
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY, entity)
                .set(AUDIT_EVENT.ENTITY_ID, entityId == null ? null : entityId.toString())
                .set(AUDIT_EVENT.BEFORE_STATE, json(before))
                .set(AUDIT_EVENT.AFTER_STATE, json(after))
                .execute();
    }

    /** The row as JSON; geometries are left out (they can be megabytes) and their size noted instead. */
    private static JSONB json(Record record) {
        if (record == null) {
            return null;
        }
        Field<?>[] plain = Arrays.stream(record.fields())
                .filter(f -> !Geometry.class.isAssignableFrom(f.getType())).toArray(Field[]::new);
        String json = record.into(plain).formatJSON(FORMAT);
        if (plain.length < record.size()) {
            StringBuilder geometries = new StringBuilder();
            for (Field<?> f : record.fields()) {
                if (Geometry.class.isAssignableFrom(f.getType())) {
                    Geometry g = (Geometry) record.get(f);
                    geometries.append(",\"").append(f.getName()).append("\":\"")
                            .append(g == null ? "null" : g.getGeometryType() + " with " + g.getNumPoints() + " points")
                            .append(" (not kept in the audit log)\"");
                }
            }
            json = json.substring(0, json.length() - 1) + geometries + "}";
        }
        return JSONB.valueOf(json);
    }
}
