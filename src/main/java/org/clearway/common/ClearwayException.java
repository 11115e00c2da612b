package org.clearway.common;

import java.io.Serial;
import java.util.List;

/**
 * A refusal the user should read: carries a translation key and its arguments, never English text.
 * The UI translates it with the user's locale; machine endpoints return the key and the English text.
 */
public class ClearwayException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;

    public ClearwayException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
