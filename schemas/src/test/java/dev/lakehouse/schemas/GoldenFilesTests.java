package dev.lakehouse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

class GoldenFilesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchemaCatalog catalog = SchemaCatalog.standard();

    @TestFactory
    Stream<DynamicTest> everyValidGoldenLinePassesItsSchema() {
        return catalog.ids().stream().flatMap(id -> GoldenFiles.valid(id).stream().map(line ->
                DynamicTest.dynamicTest(id + " " + abbreviate(line), () ->
                        assertThat(catalog.validate(id, JSON.readTree(line))).isEmpty())));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidGoldenLineFailsAtItsExpectedPointer() {
        return catalog.ids().stream().flatMap(id -> GoldenFiles.invalid(id).stream().map(invalid ->
                DynamicTest.dynamicTest(id + " fails " + invalid.keyword() + " at '" + invalid.pointer() + "'", () ->
                        assertThat(catalog.validate(id, invalid.record()))
                                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                                .contains(org.assertj.core.groups.Tuple.tuple(invalid.pointer(), invalid.keyword())))));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaHasValidAndInvalidGoldenLines() {
        return catalog.ids().stream().map(id -> DynamicTest.dynamicTest(id.toString(), () -> {
            assertThat(GoldenFiles.valid(id)).isNotEmpty();
            assertThat(GoldenFiles.invalid(id)).isNotEmpty();
        }));
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
