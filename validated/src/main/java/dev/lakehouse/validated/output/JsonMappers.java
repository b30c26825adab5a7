package dev.lakehouse.validated.output;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON settings of validated, separate from the HTTP layer's mapper. */
public final class JsonMappers {

    private JsonMappers() {
    }

    /**
     * For payloads: one value and nothing after it; a duplicated member is an error (which of
     * two values a model meant is unknowable); decimals stay exact for the arithmetic rules.
     */
    public static JsonMapper payloads() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** For contract files: the payload rules, and an unknown member is an error (a typo must not disable a rule). */
    public static JsonMapper contracts() {
        return payloads().rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
