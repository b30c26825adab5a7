package dev.lakehouse.validated.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveDataDetectorTests {

    private final SensitiveDataDetector detector = new SensitiveDataDetector(Map.of(
            "us-ssn", "\\b\\d{3}-\\d{2}-\\d{4}\\b", "es-dni", "\\b\\d{8}[A-HJ-NP-TV-Z]\\b"));

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500 0000 0000 0004",
            "3782 822463 10005", "6011000990139424", "2223003122003222"})
    void findsCardNumbersThatPassLuhn(String card) {
        assertThat(detector.cardNumbers("Pay with " + card + " please")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "1234567812345670", "41111111111", "41111111111111111111",
            "Order ABC4111111111111111", "4111  1111 1111 1111", "phone +44 20 7946 0958"})
    void ignoresNumbersThatAreNotCards(String text) {
        assertThat(detector.cardNumbers(text)).isEmpty();
    }

    @Test
    void masksAllButTheLastFourDigits() {
        SensitiveMatch match = detector.cardNumbers("card 4111 1111 1111 1111").getFirst();

        assertThat(match.masked()).isEqualTo("************1111");
        assertThat(match.offset()).isEqualTo(5);
    }

    @Test
    void findsConfiguredNationalIdPatternsByName() {
        assertThat(detector.nationalIds("DNI 12345678Z, SSN 123-45-6789")).extracting(SensitiveMatch::kind)
                .containsExactly("es-dni", "us-ssn");
        assertThat(detector.nationalIds("no ids 12-34 here")).isEmpty();
    }

    @Test
    void luhnIsTheIsoChecksum() {
        assertThat(CardNumbers.passesLuhn("79927398713")).isTrue();
        assertThat(CardNumbers.passesLuhn("79927398710")).isFalse();
    }
}
