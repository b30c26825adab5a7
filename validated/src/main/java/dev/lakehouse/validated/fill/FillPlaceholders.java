package dev.lakehouse.validated.fill;

import dev.lakehouse.validated.fill.rules.FillRules;
import dev.lakehouse.validated.placeholder.Placeholder;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.placeholder.PlaceholderStyle;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.JsonPointers;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Placeholder and filler values anywhere in a fill, one violation per string value, in document order. */
final class FillPlaceholders {

    private final PlaceholderDetector detector;

    FillPlaceholders(PlaceholderDetector detector) {
        this.detector = detector;
    }

    void check(JsonNode node, String pointer, FillRules rules, ValidationContext context, Findings findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                check(member.getValue(), JsonPointers.child(pointer, member.getKey()), rules, context, findings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), JsonPointers.index(pointer, i), rules, context, findings);
            }
        } else if (node.isString()) {
            checkValue(node.asString(), pointer, rules, context, findings);
        }
    }

    private void checkValue(String value, String pointer, FillRules rules, ValidationContext context, Findings findings) {
        List<Placeholder> found = detector.find(value).stream()
                .filter(placeholder -> !allowed(placeholder, pointer, rules, context))
                .toList();
        if (found.isEmpty()) {
            return;
        }
        Placeholder first = found.getFirst();
        String more = found.size() > 1 ? " and " + (found.size() - 1) + " more" : "";
        findings.error("fill.placeholder", pointer, "unfilled " + first.style().description() + " '" + first.text() + "'" + more);
    }

    private static boolean allowed(Placeholder placeholder, String pointer, FillRules rules, ValidationContext context) {
        if (placeholder.style() == PlaceholderStyle.NOT_APPLICABLE && rules.allowsNotApplicable(pointer)) {
            return true;
        }
        return rules.allowedPlaceholders().contains(placeholder.text())
                || context.allowedPlaceholders().contains(placeholder.text());
    }
}
