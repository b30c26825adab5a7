package dev.lakehouse.validated.email;

import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractKind;
import tools.jackson.databind.node.ObjectNode;

/** An email contract: {@code email} (the default outbound ruleset) or a role-specific {@code email:<name>}. */
public record EmailContract(String id, String description, EmailRuleset ruleset, String rulesHash, String origin,
        ObjectNode rulesDocument) implements Contract {

    @Override
    public ContractKind kind() {
        return ContractKind.EMAIL;
    }

    @Override
    public ObjectNode rulesDocument() {
        return rulesDocument.deepCopy();
    }
}
