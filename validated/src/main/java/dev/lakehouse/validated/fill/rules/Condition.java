package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.PointerPattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * When a rule applies: {@code {"path": "/status", "equals": "filled"}},
 * {@code {"path": "/kind", "in": ["video", "phone"]}} or {@code {"path": "/notes", "present": true}}.
 */
record Condition(PointerPattern path, @Nullable JsonNode equalsValue, @Nullable List<JsonNode> in, @Nullable Boolean present) {

    boolean holds(JsonNode scope) {
        JsonNode value = path.at(scope);
        if (present != null) {
            return present != Values.isAbsent(value);
        }
        if (Values.isAbsent(value)) {
            return false;
        }
        if (equalsValue != null) {
            return Values.equal(value, equalsValue);
        }
        return in != null && in.stream().anyMatch(candidate -> Values.equal(value, candidate));
    }

    String describe() {
        if (present != null) {
            return path + (present ? " is present" : " is absent");
        }
        return equalsValue != null ? path + " is " + equalsValue : path + " is one of " + in;
    }
}
