package org.clearway.map;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** What makes two tile requests give the same bytes: layer, position, bound filter values and (for scoped layers) the scope. */
record TileKey(TileLayer layer, int z, int x, int y, List<Object> filters, String scope) {

    /** The tile's extent in longitude/latitude. */
    Envelope envelope() {
        double n = Math.pow(2, z);
        return new Envelope(x / n * 360 - 180, (x + 1) / n * 360 - 180, latitude(y + 1, n), latitude(y, n));
    }

    private static double latitude(int row, double n) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * row / n))));
    }
}
