package dev.lakehouse.validated.fill.rules;

import dev.lakehouse.validated.verdict.PointerPattern;
import java.util.List;

/**
 * The declarative part of a fill contract ({@code x-lakehouse} in its schema).
 *
 * @param extraSlotsAllowed whether members the schema does not declare are allowed; when not,
 *     every object schema without its own {@code additionalProperties} or
 *     {@code unevaluatedProperties} is closed
 * @param grounded values that must be found in the source text
 * @param allowedPlaceholders placeholders that are filled in later and so are not violations
 * @param notApplicable values that may be "N/A"
 * @param rules cross-field rules, run in this order
 */
public record FillRules(boolean extraSlotsAllowed, List<PointerPattern> grounded, List<String> allowedPlaceholders,
        List<PointerPattern> notApplicable, List<FillRule> rules) {

    public FillRules {
        grounded = List.copyOf(grounded);
        allowedPlaceholders = List.copyOf(allowedPlaceholders);
        notApplicable = List.copyOf(notApplicable);
        rules = List.copyOf(rules);
    }

    public boolean allowsNotApplicable(String pointer) {
        return notApplicable.stream().anyMatch(pattern -> pattern.matches(pointer));
    }
}
