package dev.lakehouse.chassis.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/** Turns the configured limits into Jackson's stream read constraints on a JSON factory. */
public final class JsonLimits {

    private JsonLimits() {
    }

    public static StreamReadConstraints constraints(JsonLimitsProperties limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .build();
    }

    public static JsonFactory factory(JsonLimitsProperties limits) {
        return JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
    }
}
