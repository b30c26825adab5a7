package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.Located;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Runs a contract's rules in their declared order over a fill. */
public final class CrossFieldRules {

    private CrossFieldRules() {
    }

    public static void check(List<FillRule> rules, JsonNode fill, Findings findings) {
        for (FillRule rule : rules) {
            if (rule.each() == null) {
                checkScope(rule, fill, "", findings);
            } else {
                for (Located item : rule.each().resolve(fill)) {
                    checkScope(rule, item.node(), item.pointer(), findings);
                }
            }
        }
    }

    private static void checkScope(FillRule rule, JsonNode scope, String base, Findings findings) {
        if (rule.when() == null || rule.when().holds(scope)) {
            rule.check(scope, base, findings);
        }
    }
}
