package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.PointerPattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One declared cross-field rule. A rule with {@code each} runs once per value that pattern
 * addresses (e.g. {@code /lineItems/*}), with all its pointers relative to that value; a rule
 * with {@code when} runs only where its condition holds. Values a rule needs that are absent or
 * of the wrong type make it not apply: reporting those is the schema's job, not the rule's.
 */
public sealed interface FillRule permits CompareRule, PresenceRule, ArithmeticRule {

    String id();

    @Nullable PointerPattern each();

    @Nullable Condition when();

    /** The contract's explanation, used in violations instead of the generated one. */
    @Nullable String message();

    void check(JsonNode scope, String base, Findings findings);

    default String explain(String generated) {
        return "rule " + id() + ": " + (message() != null ? message() + " (" + generated + ")" : generated);
    }
}
