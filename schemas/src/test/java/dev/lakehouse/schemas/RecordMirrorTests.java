package dev.lakehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.audit.AuditEvent;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Java records mirror the schemas: golden lines survive a round trip and stay valid. */
class RecordMirrorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<?>> RECORDS = Map.of(
            "lakehouse.observation/v1", Observation.class,
            "lakehouse.validation-verdict/v1", ValidationVerdict.class,
            "lakehouse.audit-event/v1", AuditEvent.class);

    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @TestFactory
    Stream<DynamicTest> goldenLinesRoundTripThroughTheJavaRecords() {
        return RECORDS.entrySet().stream().flatMap(entry -> {
            SchemaId id = SchemaId.parse(entry.getKey());
            return GoldenFiles.valid(id).stream().map(line -> DynamicTest.dynamicTest(id.toString(), () -> {
                JsonNode original = JSON.readTree(line);

                Object record = JSON.treeToValue(original, entry.getValue());
                JsonNode written = JSON.valueToTree(record);

                assertThat(catalog.validate(id, written)).isEmpty();
                assertThat(withoutNulls(written)).isEqualTo(withoutNulls(original));
            }));
        });
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
