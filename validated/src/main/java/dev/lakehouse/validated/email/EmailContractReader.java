package dev.lakehouse.validated.email;

import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractIds;
import dev.lakehouse.validated.contract.ContractKind;
import dev.lakehouse.validated.contract.ContractReader;
import dev.lakehouse.validated.contract.RulesHash;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an email ruleset file: {@code {"contract": "email:<name>", "description": ..., <sections
 * of EmailRuleset>}}. The configured national-id patterns are part of the rules, so they enter
 * the rules hash.
 */
public final class EmailContractReader implements ContractReader {

    private final JsonMapper json;
    private final Map<String, String> nationalIdPatterns;

    public EmailContractReader(JsonMapper json, Map<String, String> nationalIdPatterns) {
        this.json = json;
        this.nationalIdPatterns = Map.copyOf(nationalIdPatterns);
    }

    @Override
    public boolean reads(JsonNode file) {
        return file.isObject() && file.path("contract").isString();
    }

    @Override
    public Contract read(JsonNode file, String origin) {
        String id = file.path("contract").asString();
        if (ContractIds.kindOf(id).orElse(null) != ContractKind.EMAIL) {
            throw new IllegalArgumentException("\"contract\" must be email or email:<name> (lower case letters, digits and"
                    + " hyphens), not '" + id + "'");
        }
        JsonNode description = file.path("description");
        if (!description.isMissingNode() && !description.isString()) {
            throw new IllegalArgumentException("\"description\" must be a string");
        }
        ObjectNode sections = ((ObjectNode) file).deepCopy();
        sections.remove("contract");
        sections.remove("description");
        EmailRuleset ruleset = json.treeToValue(sections, EmailRuleset.class);
        ObjectNode rules = json.valueToTree(ruleset);
        rules.set("nationalIdPatterns", json.valueToTree(new java.util.TreeMap<>(nationalIdPatterns)));
        return new EmailContract(id, description.asString("Email drafts: " + id), ruleset,
                RulesHash.of("email", id, rules.toString()), origin, rules);
    }
}
