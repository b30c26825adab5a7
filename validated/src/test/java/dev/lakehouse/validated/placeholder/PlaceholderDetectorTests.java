package dev.lakehouse.validated.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholderDetectorTests {

    private final PlaceholderDetector detector = new PlaceholderDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Dear {{ first_name }},             | {{ first_name }}   | BRACES",
            "Hello {name}!                      | {name}             | BRACES",
            "Total: ${amount}                   | ${amount}          | BRACES",
            "Regards, [Your Name]               | [Your Name]        | SQUARE_BRACKETS",
            "on [insert date] at noon           | [insert date]      | SQUARE_BRACKETS",
            "Call <phone number> today          | <phone number>     | ANGLE_BRACKETS",
            "See <info>                         | <info>             | ANGLE_BRACKETS",
            "Meet at ((location))               | ((location))       | DOUBLE_PARENTHESES",
            "Start date: TBD                    | TBD                | TO_BE_DECIDED",
            "todo: write this                   | todo               | TO_BE_DECIDED",
            "Venue TBA.                         | TBA                | TO_BE_DECIDED",
            "Reason: N/A                        | N/A                | NOT_APPLICABLE",
            "Account XXXX-1234                  | XXXX               | CROSSES",
            "Lorem ipsum dolor sit amet         | Lorem ipsum        | LOREM_IPSUM"})
    void findsEveryCommonStyle(String text, String placeholder, PlaceholderStyle style) {
        List<Placeholder> found = detector.find(text);

        assertThat(found).extracting(Placeholder::text, Placeholder::style)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(placeholder, style));
        assertThat(text.substring(found.getFirst().offset())).startsWith(placeholder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Plain text with nothing to fill.", "See [the docs](https://example.com/docs).", "Footnote [1] and [x]",
            "Line one<br>line two <p>para</p> <strong>bold</strong>", "Write to <bob@example.com>", "JSON {\"a\": 1} and {}",
            "f(g(x)) is fine", "The TBDX and todos and NAN", "Marker [[FORM]] is a role marker", "xx and an x-ray", "2 x 3 = 6",
            "Laurem ipsom"})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Name] and TBD and {{x}}", "TBD [Name] {{x}}"})
    void reportsPlaceholdersInOrderOfAppearance(String text) {
        List<Placeholder> found = detector.find(text);

        assertThat(found).hasSize(3);
        assertThat(found).extracting(Placeholder::offset).isSorted();
    }
}
