package dev.lakehouse.validated.fill;

import dev.lakehouse.validated.fill.grounding.Grounding;
import dev.lakehouse.validated.fill.rules.CrossFieldRules;
import dev.lakehouse.validated.output.ModelOutput;
import dev.lakehouse.validated.placeholder.PlaceholderDetector;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.ValidationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a fill against its contract, in this order: reading the output (a raw string must
 * be JSON, or JSON in one Markdown fence, which is a warning), the JSON Schema, placeholders,
 * cross-field rules, grounding. Later stages run on whatever parsed, so one verdict lists every
 * problem a re-ask should fix.
 */
public final class FillValidator {

    private final JsonMapper json;
    private final FillPlaceholders placeholders;

    public FillValidator(JsonMapper json, PlaceholderDetector placeholders) {
        this.json = json;
        this.placeholders = new FillPlaceholders(placeholders);
    }

    public void validate(FillContract contract, JsonNode payload, ValidationContext context, Findings findings) {
        ModelOutput output = payload.isString() ? ModelOutput.parse(payload.asString(), json) : ModelOutput.of(payload);
        if (output.empty()) {
            findings.error("fill.output.empty", "", "the output is empty");
            return;
        }
        JsonNode fill = output.json();
        if (fill == null) {
            findings.error("fill.output.unparseable", "", "the output is " + output.problem());
            return;
        }
        if (output.fenced()) {
            findings.warning("fill.markdown_fence", "", "the fill was wrapped in a Markdown code fence; send bare JSON");
        }
        SchemaFindings.check(contract.schema(), contract.extraSlots(), fill, findings);
        placeholders.check(fill, "", contract.fillRules(), context, findings);
        CrossFieldRules.check(contract.fillRules().rules(), fill, findings);
        Grounding.check(contract.fillRules().grounded(), fill, context.source(), findings);
    }
}
