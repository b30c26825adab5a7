package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.PointerPattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

/** One side of a comparison: a value in the fill, a constant, or the number of values a pattern addresses. */
sealed interface Operand {

    JsonNode value(JsonNode scope);

    /** The pointer a violation should name, relative to the scope, or {@code null} for constants. */
    @Nullable String pointer();

    String describe();

    record Slot(PointerPattern pattern) implements Operand {
        @Override
        public JsonNode value(JsonNode scope) {
            return pattern.at(scope);
        }

        @Override
        public String pointer() {
            return pattern.toString();
        }

        @Override
        public String describe() {
            return pattern.toString();
        }
    }

    record Constant(JsonNode constant) implements Operand {
        @Override
        public JsonNode value(JsonNode scope) {
            return constant;
        }

        @Override
        public @Nullable String pointer() {
            return null;
        }

        @Override
        public String describe() {
            return constant.toString();
        }
    }

    record Count(PointerPattern pattern) implements Operand {
        @Override
        public JsonNode value(JsonNode scope) {
            if (pattern.hasWildcard()) {
                return IntNode.valueOf(pattern.resolve(scope).size());
            }
            JsonNode node = pattern.at(scope);
            return IntNode.valueOf(node.isArray() || node.isObject() ? node.size() : Values.isAbsent(node) ? 0 : 1);
        }

        @Override
        public String pointer() {
            return pattern.toString();
        }

        @Override
        public String describe() {
            return "count(" + pattern + ")";
        }
    }
}
