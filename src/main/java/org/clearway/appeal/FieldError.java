package org.clearway.appeal;

import java.io.Serializable;
import java.util.List;

/** One refused field: the form field it belongs to, a translation key and its arguments. */
public record FieldError(String field, String key, List<Object> args) implements Serializable {

    public FieldError(String field, String key, Object... args) {
        this(field, key, List.of(args));
    }
}
