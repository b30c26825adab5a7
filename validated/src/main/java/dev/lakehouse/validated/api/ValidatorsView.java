package dev.lakehouse.validated.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.validation.ValidatorVersion;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer of {@code GET /v1/validators}: every contract with its schema and rules, and the limits.
 *
 * @param moduleVersion the version of the validator code; each contract's {@code validatorVersion} adds its rules hash
 */
public record ValidatorsView(String moduleVersion, Limits limits, List<ContractView> contracts) {

    /** The limits a caller must respect (each is a setting of {@code lakehouse.validated}). */
    public record Limits(int maxBatchItems, int maxPayloadChars, int maxViolations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContractView(String id, String kind, String description, String validatorVersion, String origin,
            @Nullable ObjectNode schema, ObjectNode rules) {

        static ContractView of(Contract contract, ValidatorVersion version) {
            return new ContractView(contract.id(), contract.kind().wireName(), contract.description(), version.of(contract),
                    contract.origin(), contract.schemaDocument(), contract.rulesDocument());
        }
    }
}
