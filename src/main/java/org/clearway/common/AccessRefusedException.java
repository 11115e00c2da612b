package org.clearway.common;

import java.io.Serial;

/** A write or read outside the user's role or scope. */
public class AccessRefusedException extends ClearwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String key, Object... args) {
        super(key, args);
    }
}
