package dev.lakehouse.validated.validation;

import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.verdict.ValidationContext;
import tools.jackson.databind.JsonNode;

/** A request that passed the API's checks: a known contract, a payload, a well-formed context. */
public record ValidationRequest(Contract contract, JsonNode payload, ValidationContext context) {
}
