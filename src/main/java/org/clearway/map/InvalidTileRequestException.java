package org.clearway.map;

import java.io.Serial;
import org.clearway.common.ClearwayException;

/** A tile request with a bad z/x/y or filter: answered 400 with the reason, never a stack trace. */
public class InvalidTileRequestException extends ClearwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidTileRequestException(String key, Object... args) {
        super(key, args);
    }
}
