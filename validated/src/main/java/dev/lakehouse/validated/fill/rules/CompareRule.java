package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.PointerPattern;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code {"type": "compare", "left": "/end", "op": ">", "right": "/start"}}; violation code {@code fill.rule.compare}. */
public record CompareRule(String id, @Nullable PointerPattern each, @Nullable Condition when, @Nullable String message,
        Operand left, String op, Operand right) implements FillRule {

    static final java.util.Set<String> OPERATORS = java.util.Set.of("==", "!=", "<", "<=", ">", ">=");

    @Override
    public void check(JsonNode scope, String base, Findings findings) {
        JsonNode l = left.value(scope);
        JsonNode r = right.value(scope);
        if (Values.isAbsent(l) || Values.isAbsent(r)) {
            return;
        }
        Boolean holds = holds(l, r);
        if (holds == null || holds) {
            return;
        }
        String relative = left.pointer() != null ? left.pointer() : right.pointer() != null ? right.pointer() : "";
        findings.error("fill.rule.compare", base + relative, explain(left.describe() + " (" + l + ") must be " + op + " "
                + right.describe() + " (" + r + ")"));
    }

    private @Nullable Boolean holds(JsonNode l, JsonNode r) {
        if (l.getNodeType() != r.getNodeType()) {
            return null;
        }
        if (op.equals("==")) {
            return Values.equal(l, r);
        }
        if (op.equals("!=")) {
            return !Values.equal(l, r);
        }
        OptionalInt order = Values.compare(l, r);
        if (order.isEmpty()) {
            return null;
        }
        int c = order.getAsInt();
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }
}
