package dev.lakehouse.validated.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import dev.lakehouse.schemas.verdict.Severity;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.TestValidators;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

class ExampleContractGoldenTests {

    private static final List<String> EXAMPLES = List.of("lakehouse.contract.shift-fill/v1",
            "lakehouse.contract.invoice-extraction/v1", "lakehouse.contract.meeting-schedule/v1");
    private static final TestValidators VALIDATORS = TestValidators.shipped();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theThreeExampleContractsAreShippedWithGoldenFiles() {
        for (String example : EXAMPLES) {
            SchemaId id = SchemaId.parse(example);

            assertThat(VALIDATORS.registry().find("fill:" + example)).isPresent();
            assertThat(ContractGoldenFiles.valid(id)).isNotEmpty();
            assertThat(ContractGoldenFiles.invalid(id)).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyValidGoldenPayloadPassesWithExactlyItsWarnings() {
        return EXAMPLES.stream().flatMap(example -> ContractGoldenFiles.valid(SchemaId.parse(example)).stream()
                .map(golden -> DynamicTest.dynamicTest(example + ": " + golden.name(), () -> {
                    ValidationVerdict verdict = VALIDATORS.validate("fill:" + example, golden.payload(), golden.context());

                    assertThat(verdict.violations()).as(verdict.violations().toString())
                            .extracting(Violation::code).containsExactlyElementsOf(golden.warnings());
                    assertThat(verdict.valid()).isTrue();
                    assertSchemaValid(verdict);
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidGoldenPayloadFailsWithItsExpectedViolations() {
        return EXAMPLES.stream().flatMap(example -> ContractGoldenFiles.invalid(SchemaId.parse(example)).stream()
                .map(golden -> DynamicTest.dynamicTest(example + ": " + golden.name(), () -> {
                    ValidationVerdict verdict = VALIDATORS.validate("fill:" + example, golden.payload(), golden.context());

                    assertThat(verdict.valid()).isFalse();
                    List<ContractGoldenFiles.Expected> found = verdict.violations().stream()
                            .filter(violation -> violation.severity() == Severity.ERROR)
                            .map(violation -> new ContractGoldenFiles.Expected(violation.code(), violation.path())).toList();
                    assertThat(found).as(verdict.violations().toString()).containsAll(golden.expect());
                    assertSchemaValid(verdict);
                })));
    }

    private static void assertSchemaValid(ValidationVerdict verdict) {
        assertThat(SchemaCatalog.standard().validate(SchemaId.parse(ValidationVerdict.SCHEMA), JSON.valueToTree(verdict))).isEmpty();
    }
}
