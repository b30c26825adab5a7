package dev.lakehouse.validated.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comparison table of docs/email-address-rule.md, kept true: for every address of the
 * corpus, our verdict and those of Commons Validator and Hibernate Validator's {@code @Email}
 * are what the table says (isemail's column is recorded from its npm package, not run here).
 */
class ReferenceValidatorComparisonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EmailAddressParser ours = new EmailAddressParser();
    private final EmailValidator commons = EmailValidator.getInstance(true, true);
    private final org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator hibernate =
            new org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator();

    record Row(String address, boolean ours, boolean commons, boolean hibernate, String note) {
    }

    @TestFactory
    Stream<DynamicTest> everyValidatorJudgesTheCorpusAsTheTableSays() {
        return corpus().stream().map(row -> DynamicTest.dynamicTest(row.note(), () -> {
            assertThat(ours.isValid(row.address())).as("ours on %s", row.address()).isEqualTo(row.ours());
            assertThat(commons.isValid(row.address())).as("commons on %s", row.address()).isEqualTo(row.commons());
            assertThat(hibernate.isValid(row.address(), null)).as("hibernate on %s", row.address()).isEqualTo(row.hibernate());
        }));
    }

    static List<Row> corpus() {
        try (InputStream in = ReferenceValidatorComparisonTests.class.getResourceAsStream("address-corpus.tsv")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new Row(JSON.readValue(cells[0], String.class), "valid".equals(cells[1]),
                            "valid".equals(cells[2]), "valid".equals(cells[3]), cells[5]))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
