package org.clearway.db;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Objects;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Binds PostGIS {@code geometry} columns to JTS geometries (jOOQ's own spatial binding is in the
 * commercial editions only). Values travel as hex EWKB, so the SRID survives both ways; bind
 * variables are rendered as {@code ?::geometry}.
 */
public final class JtsGeometryBinding implements Binding<org.jooq.Geometry, Geometry> {

    private static final Converter<org.jooq.Geometry, Geometry> CONVERTER = Converter.ofNullable(
            org.jooq.Geometry.class, Geometry.class, JtsGeometryBinding::fromEwkbHex, JtsGeometryBinding::toEwkbHex);

    @Override
    public Converter<org.jooq.Geometry, Geometry> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<Geometry> ctx) {
        if (ctx.render().paramType() == org.jooq.conf.ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.convert(converter()).value() == null ? null
                    : ctx.convert(converter()).value().data())).sql("::geometry");
        } else {
            ctx.render().sql(ctx.variable()).sql("::geometry");
        }
    }

    @Override
    public void register(BindingRegisterContext<Geometry> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<Geometry> ctx) throws SQLException {
        org.jooq.Geometry value = ctx.convert(converter()).value();
        ctx.statement().setString(ctx.index(), value == null ? null : value.data());
    }

    @Override
    public void set(BindingSetSQLOutputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetResultSetContext<Geometry> ctx) throws SQLException {
        String hex = ctx.resultSet().getString(ctx.index());
        ctx.convert(converter()).value(hex == null ? null : org.jooq.Geometry.valueOf(hex));
    }

    @Override
    public void get(BindingGetStatementContext<Geometry> ctx) throws SQLException {
        String hex = ctx.statement().getString(ctx.index());
        ctx.convert(converter()).value(hex == null ? null : org.jooq.Geometry.valueOf(hex));
    }

    @Override
    public void get(BindingGetSQLInputContext<Geometry> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    static Geometry fromEwkbHex(org.jooq.Geometry value) {
        try {
            return new WKBReader().read(WKBReader.hexToBytes(value.data()));
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a PostGIS EWKB value", e);
        }
    }

    static org.jooq.Geometry toEwkbHex(Geometry geometry) {
        Objects.requireNonNull(geometry);
        int dimension = Double.isNaN(geometry.getCoordinate() == null ? Double.NaN : geometry.getCoordinate().getZ()) ? 2 : 3;
        WKBWriter writer = new WKBWriter(dimension, geometry.getSRID() != 0);
        return org.jooq.Geometry.valueOf(WKBWriter.toHex(writer.write(geometry)));
    }
}
