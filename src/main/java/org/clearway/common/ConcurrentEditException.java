package org.clearway.common;

import java.io.Serial;

/** Someone else saved the record since it was read (optimistic locking on {@code version}). */
public class ConcurrentEditException extends ClearwayException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ConcurrentEditException(String entity) {
        super("error.concurrent-edit", entity);
    }
}
