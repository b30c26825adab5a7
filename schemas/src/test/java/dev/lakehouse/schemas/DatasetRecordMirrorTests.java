package dev.lakehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.dataset.DatasetManifest;
import dev.lakehouse.schemas.dataset.OpenAiPreferencePair;
import dev.lakehouse.schemas.dataset.RagChunk;
import dev.lakehouse.schemas.dataset.SftExample;
import dev.lakehouse.schemas.dataset.TrlPreferencePair;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The dataset records mirror their schemas: golden lines survive a round trip, byte for byte in meaning. */
class DatasetRecordMirrorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @TestFactory
    Stream<DynamicTest> goldenDatasetLinesRoundTripThroughTheJavaRecords() {
        return Stream.of(
                mirror(SftExample.SCHEMA, line -> SftExample.class),
                mirror(OpenAiPreferencePair.SCHEMA,
                        line -> line.has("input") ? OpenAiPreferencePair.class : TrlPreferencePair.class),
                mirror(RagChunk.SCHEMA, line -> RagChunk.class),
                mirror(DatasetManifest.SCHEMA, line -> DatasetManifest.class)).flatMap(tests -> tests);
    }

    @Test
    void externalFormatLinesCarryNoSchemaFieldAndAreValidatedById() {
        JsonNode line = JSON.readTree(GoldenFiles.valid(SchemaId.parse(SftExample.SCHEMA)).getFirst());

        assertThat(line.has("schema")).isFalse();
        assertThat(catalog.validate(SchemaId.parse(SftExample.SCHEMA), line)).isEmpty();
    }

    @Test
    void aPreferenceLineWithInputIsHeldToOpenAisFormatNotTrls() {
        JsonNode mixed = JSON.readTree("""
                {"input":{"messages":[{"role":"user","content":"Q"}]},"chosen":[{"role":"assistant","content":"A"}],\
                "rejected":[{"role":"assistant","content":"B"}]}""");

        assertThat(catalog.validate(SchemaId.parse(OpenAiPreferencePair.SCHEMA), mixed))
                .extracting(SchemaViolation::keyword).contains("required", "additionalProperties");
    }

    private Stream<DynamicTest> mirror(String schema, Function<JsonNode, Class<?>> type) {
        SchemaId id = SchemaId.parse(schema);
        return GoldenFiles.valid(id).stream().map(line -> DynamicTest.dynamicTest(id.toString(), () -> {
            JsonNode original = JSON.readTree(line);

            Object record = JSON.treeToValue(original, type.apply(original));
            JsonNode written = JSON.valueToTree(record);

            assertThat(catalog.validate(id, written)).isEmpty();
            assertThat(withoutNulls(written)).isEqualTo(withoutNulls(original));
        }));
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        if (node.isNumber()) {
            return JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
