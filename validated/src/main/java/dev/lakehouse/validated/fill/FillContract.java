package dev.lakehouse.validated.fill;

import com.networknt.schema.Schema;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractIds;
import dev.lakehouse.validated.contract.ContractKind;
import dev.lakehouse.validated.fill.rules.FillRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fill contract: the JSON Schema {@code lakehouse.contract.<name>/v<N>} (draft 2020-12, format
 * assertions on) and its declarative rules.
 *
 * @param definition the contract file as written ({@code x-lakehouse} included)
 * @param schema the compiled schema
 * @param extraSlots the "no extra slots" check, or {@code null} when the contract allows extra slots
 */
public record FillContract(SchemaId schemaId, String description, ObjectNode definition, Schema schema,
        @Nullable ExtraSlots extraSlots, FillRules fillRules,
        String rulesHash, String origin) implements Contract {

    /** The member of a contract schema that holds its declarative rules. */
    public static final String EXTENSION = "x-lakehouse";

    @Override
    public String id() {
        return ContractIds.fill(schemaId);
    }

    @Override
    public ContractKind kind() {
        return ContractKind.FILL;
    }

    @Override
    public ObjectNode rulesDocument() {
        return definition.get(EXTENSION) instanceof ObjectNode rules ? rules.deepCopy() : definition.objectNode();
    }

    @Override
    public ObjectNode schemaDocument() {
        ObjectNode schema = definition.deepCopy();
        schema.remove(EXTENSION);
        return schema;
    }
}
