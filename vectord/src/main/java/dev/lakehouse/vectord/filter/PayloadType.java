package dev.lakehouse.vectord.filter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The type a payload key has in a collection, fixed by the first point that carries it. */
public enum PayloadType {

    KEYWORD("k."),
    NUMBER("n."),
    BOOLEAN("b.");

    private final String fieldPrefix;

    PayloadType(String fieldPrefix) {
        this.fieldPrefix = fieldPrefix;
    }

    /** Name of the index field that holds this key's values: the prefix makes the type readable from the index itself. */
    public String field(String key) {
        return fieldPrefix + key;
    }

    public String fieldPrefix() {
        return fieldPrefix;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
