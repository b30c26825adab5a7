package dev.lakehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.Transition;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The replay records mirror their schemas: golden lines survive a round trip through the Java records. */
class ReplayRecordMirrorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @TestFactory
    Stream<DynamicTest> goldenReplayLinesRoundTripThroughTheJavaRecords() {
        return Stream.concat(mirror(ReplayResult.SCHEMA, ReplayResult.class), mirror(ReplayReport.SCHEMA, ReplayReport.class));
    }

    @Test
    void aResultWithoutTargetOutputStillWritesOutputAndPassed() {
        JsonNode line = JSON.readTree(GoldenFiles.valid(SchemaId.parse(ReplayResult.SCHEMA)).get(2));

        ReplayResult result = JSON.treeToValue(line, ReplayResult.class);
        JsonNode target = JSON.valueToTree(result).path("target");

        assertThat(target.has("output")).isTrue();
        assertThat(target.path("output").isNull()).isTrue();
        assertThat(target.path("passed").asBoolean()).isFalse();
        assertThat(result.comparison().transition()).isEqualTo(Transition.REGRESSED);
    }

    @Test
    void transitionsFollowTheTwoVerdicts() {
        assertThat(Transition.of(true, true)).isEqualTo(Transition.STILL_PASSES);
        assertThat(Transition.of(true, false)).isEqualTo(Transition.REGRESSED);
        assertThat(Transition.of(false, true)).isEqualTo(Transition.IMPROVED);
        assertThat(Transition.of(false, false)).isEqualTo(Transition.STILL_FAILS);
    }

    private Stream<DynamicTest> mirror(String schema, Class<?> type) {
        SchemaId id = SchemaId.parse(schema);
        return GoldenFiles.valid(id).stream().map(line -> DynamicTest.dynamicTest(id.toString(), () -> {
            JsonNode original = JSON.readTree(line);

            Object record = JSON.treeToValue(original, type);
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
