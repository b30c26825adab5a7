package dev.lakehouse.validated.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.schemas.verdict.Violation;
import dev.lakehouse.validated.verdict.Findings;
import dev.lakehouse.validated.verdict.ValidationContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextValidatorTests {

    private final TextValidator validator = new TextValidator();

    @Test
    void anyNonEmptyTextIsValidWithoutContext() {
        assertThat(codes("Paris is the capital of France.", ValidationContext.EMPTY)).isEmpty();
    }

    @Test
    void emptyOrBlankTextIsAnError() {
        assertThat(codes("", ValidationContext.EMPTY)).containsExactly("text.empty");
        assertThat(codes(" \n\t", ValidationContext.EMPTY)).containsExactly("text.empty");
    }

    @Test
    void theContextBoundsTheLength() {
        ValidationContext bounds = new ValidationContext(null, null, List.of(), List.of(), List.of(), List.of(), null, 5, 10, List.of());

        assertThat(codes("abc", bounds)).containsExactly("text.too_short");
        assertThat(codes("abcdefghijk", bounds)).containsExactly("text.too_long");
        assertThat(codes("abcdefg", bounds)).isEmpty();
    }

    @Test
    void theContextForbidsPhrasesAndOtherRolesMarkers() {
        ValidationContext rules = new ValidationContext(null, null, List.of("[[FORM]]"), List.of(), List.of(), List.of(), null, null,
                null, List.of("As an AI"));

        assertThat(codes("as an ai, I think [[FORM]] yes", rules)).containsExactly("text.forbidden_phrase", "text.role_marker");
        assertThat(codes("I think yes", rules)).isEmpty();
    }

    private List<String> codes(String text, ValidationContext context) {
        Findings findings = new Findings(100);
        validator.validate(text, context, findings);
        return findings.toList().stream().map(Violation::code).toList();
    }
}
