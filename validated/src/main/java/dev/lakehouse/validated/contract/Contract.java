package dev.lakehouse.validated.contract;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** A named set of rules an output is validated against: {@code text}, {@code email[:name]} or {@code fill:<schema id>}. */
public interface Contract {

    /** The id callers use, e.g. {@code fill:lakehouse.contract.shift-fill/v1}. */
    String id();

    ContractKind kind();

    String description();

    /** First 8 hex digits of the SHA-256 of the contract's effective rules; part of the validator version. */
    String rulesHash();

    /** Where the contract was loaded from, e.g. {@code classpath:...} or a file path. */
    String origin();

    /** The rules as {@code GET /v1/validators} shows them. */
    ObjectNode rulesDocument();

    /** The JSON Schema of a fill contract as {@code GET /v1/validators} shows it; none for other kinds. */
    default @Nullable ObjectNode schemaDocument() {
        return null;
    }
}
