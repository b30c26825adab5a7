package dev.lakehouse.validated.fill;

import com.networknt.schema.Schema;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.validated.contract.Contract;
import dev.lakehouse.validated.contract.ContractReader;
import dev.lakehouse.validated.contract.RulesHash;
import dev.lakehouse.validated.fill.rules.FillRules;
import dev.lakehouse.validated.fill.rules.FillRulesReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a fill contract file: a JSON Schema whose {@code $id} is
 * {@code https://schemas.lakehouse.dev/contract.<name>/v<N>.json}, with its rules in {@code x-lakehouse}.
 */
public final class FillContractReader implements ContractReader {

    private static final String BASE_URI = "https://schemas.lakehouse.dev/";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final FillSchemas schemas;

    public FillContractReader(FillSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public boolean reads(JsonNode file) {
        return file.isObject() && (file.has("$schema") || file.has("$id"));
    }

    @Override
    public Contract read(JsonNode file, String origin) {
        SchemaId id = schemaId(file.path("$id").asString(""));
        if (!file.path("$schema").asString(DRAFT_2020_12).equals(DRAFT_2020_12)) {
            throw new IllegalArgumentException("$schema must be " + DRAFT_2020_12);
        }
        if (origin.startsWith("classpath:") && !origin.endsWith(id.type() + "/v" + id.version() + ".json")) {
            throw new IllegalArgumentException("$id " + id.uri() + " does not match the file's place " + origin);
        }
        FillRules rules = FillRulesReader.read(file.get(FillContract.EXTENSION));
        ObjectNode schema = ((ObjectNode) file).deepCopy();
        schema.remove(FillContract.EXTENSION);
        Schema compiled = schemas.compile(id, schema);
        String description = file.path(FillContract.EXTENSION).path("description")
                .asString(file.path("description").asString(file.path("title").asString(id.toString())));
        ExtraSlots extraSlots = rules.extraSlotsAllowed() ? null : new ExtraSlots(schema);
        return new FillContract(id, description, ((ObjectNode) file).deepCopy(), compiled, extraSlots, rules,
                RulesHash.of("fill", file.toString()), origin);
    }

    private static SchemaId schemaId(String uri) {
        if (!uri.startsWith(BASE_URI) || !uri.endsWith(".json")) {
            throw new IllegalArgumentException("$id must be " + BASE_URI + "contract.<name>/v<N>.json, not '" + uri + "'");
        }
        SchemaId id = SchemaId.parse("lakehouse." + uri.substring(BASE_URI.length(), uri.length() - ".json".length()));
        if (!id.type().startsWith("contract.")) {
            throw new IllegalArgumentException("a fill contract's type must start with 'contract.': " + id);
        }
        return id;
    }
}
