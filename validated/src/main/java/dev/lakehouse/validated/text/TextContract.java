package dev.lakehouse.validated.text;

import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractIds;
import dev.lakehouse.validated.contract.ContractKind;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The built-in {@code text} contract. Its rules are code, so its hash names their version. */
public final class TextContract implements Contract {

    public static final TextContract INSTANCE = new TextContract();

    private TextContract() {
    }

    @Override
    public String id() {
        return ContractIds.TEXT;
    }

    @Override
    public ContractKind kind() {
        return ContractKind.TEXT;
    }

    @Override
    public String description() {
        return "Free text. Invalid when empty; the context may bound its length and forbid phrases.";
    }

    @Override
    public String rulesHash() {
        return "text0001";
    }

    @Override
    public String origin() {
        return "built-in";
    }

    @Override
    public ObjectNode rulesDocument() {
        ObjectNode rules = JsonNodeFactory.instance.objectNode();
        rules.put("empty", "error text.empty");
        rules.put("context.minChars", "error text.too_short");
        rules.put("context.maxChars", "error text.too_long");
        rules.put("context.forbiddenPhrases", "error text.forbidden_phrase");
        rules.put("context.roleMarkers", "error text.role_marker");
        return rules;
    }
}
