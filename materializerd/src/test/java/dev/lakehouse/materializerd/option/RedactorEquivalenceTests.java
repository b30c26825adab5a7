package dev.lakehouse.materializerd.option;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The redactor runs its patterns only inside the spans where a match can lie; on any text it
 * must give exactly what scanning the whole text with the same patterns gives.
 */
class RedactorEquivalenceTests {

    private static final String[] PIECES = {"a", "b", "Z", "0", "1", "4", "5", "9", " ", "  ", "-", ".", "(", ")", "+", "@",
        "_", "'", "\n", "x@y.io", "bob@example.com", "ana.lopez@mail.example.org", "4111 1111 1111 1111", "5500-0000-0000-0004",
        "+1 (415) 555-0132", "020 7946 0958", "2026-11-24", "192.168.1.20", "1234567890123", "é", "ü@ä.de", "a@b", "@@"};

    @Test
    void spanLimitedRedactionEqualsAWholeTextScanOnRandomTexts() {
        Redactor redactor = new Redactor(true);
        SplittableRandom random = new SplittableRandom(7);

        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String input = text.toString();

            assertThat(redactor.redact(input)).as(input).isEqualTo(reference(input));
        }
    }

    private static String reference(String text) {
        String out = text.indexOf('@') >= 0 ? wholeText(text, Redactor.EMAIL_PATTERN, Redactor.EMAIL, match -> true) : text;
        if (out.chars().filter(Character::isDigit).filter(c -> c < 128).count() >= 9) {
            out = wholeText(out, Redactor.CARD_PATTERN, Redactor.CARD, Redactor::isCard);
            out = wholeText(out, Redactor.PHONE_PATTERN, Redactor.PHONE, Redactor::isPhone);
        }
        return out;
    }

    private static String wholeText(String text, Pattern pattern, String placeholder, Predicate<String> check) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            if (check.test(matcher.group())) {
                out.append(text, last, matcher.start()).append(placeholder);
                last = matcher.end();
            }
        }
        return out.append(text, last, text.length()).toString();
    }
}
