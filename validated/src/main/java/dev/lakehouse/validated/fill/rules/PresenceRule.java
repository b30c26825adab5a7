package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.PointerPattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Conditional requirements: {@code {"type": "required", "when": {...}, "paths": ["/workers"]}}
 * (code {@code fill.rule.required}; null, a blank string or an empty array count as absent) and
 * {@code {"type": "forbidden", ...}} (code {@code fill.rule.forbidden}).
 */
public record PresenceRule(String id, @Nullable PointerPattern each, @Nullable Condition when, @Nullable String message,
        boolean required, List<PointerPattern> paths) implements FillRule {

    @Override
    public void check(JsonNode scope, String base, Findings findings) {
        String because = when == null ? "" : " when " + when.describe();
        for (PointerPattern path : paths) {
            JsonNode value = path.at(scope);
            boolean empty = Values.isAbsent(value) || (value.isString() && value.asString().isBlank())
                    || (value.isArray() && value.isEmpty());
            if (required && empty) {
                findings.error("fill.rule.required", base + path, explain(path + " is required" + because));
            } else if (!required && !Values.isAbsent(value)) {
                findings.error("fill.rule.forbidden", base + path, explain(path + " must be absent" + because));
            }
        }
    }
}
