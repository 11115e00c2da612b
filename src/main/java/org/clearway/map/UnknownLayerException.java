package org.clearway.map;

import java.io.Serial;
import org.clearway.common.ClearwayException;

/** A tile layer that does not exist: 404. */
public class UnknownLayerException extends ClearwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    public UnknownLayerException(String layer) {
        super("error.tile.layer", layer);
    }
}
