package dev.lakehouse.materializerd.option;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTests {

    private final Redactor redactor = new Redactor(true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Write to bob@example.com today.                 | Write to [EMAIL] today.
            Mail first.last+tag@mail.example.co.uk, thanks  | Mail [EMAIL], thanks
            Card 4111 1111 1111 1111 expires soon           | Card [CARD] expires soon
            Card 5500-0000-0000-0004.                       | Card [CARD].
            Card 378282246310005 (amex)                     | Card [CARD] (amex)
            Call +1 (415) 555-0132 now                      | Call [PHONE] now
            Call 020 7946 0958 now                          | Call [PHONE] now
            Call +44 20 7946 0958.                          | Call [PHONE].
            Call 415.555.0132 or 415-555-0133               | Call [PHONE] or [PHONE]
            """)
    void personalDataBecomesATypedPlaceholder(String text, String redacted) {
        assertThat(redactor.redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Meeting on 2026-11-24 at 09:30.
            Order 12345 ships in 3 days.
            Server 192.168.100.200 is down.
            Version 1.2.3 released.
            Not a card 4111 1111 1111 1112 nor a phone
            Address bob@ has no domain
            """)
    void textWithoutPersonalDataIsLeftAsItIs(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void aSixteenDigitNumberFailingLuhnIsNotACardNorAPhone() {
        assertThat(redactor.redact("ref 4111 1111 1111 1112")).isEqualTo("ref 4111 1111 1111 1112");
    }

    @Test
    void disabledRedactionChangesNothing() {
        assertThat(new Redactor(false).redact("bob@example.com +1 (415) 555-0132")).isEqualTo("bob@example.com +1 (415) 555-0132");
    }

    @Test
    void luhnAcceptsKnownTestCardNumbers() {
        assertThat(Redactor.luhn("4111111111111111")).isTrue();
        assertThat(Redactor.luhn("4111111111111112")).isFalse();
    }
}
