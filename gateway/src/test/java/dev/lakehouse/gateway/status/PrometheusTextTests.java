package dev.lakehouse.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.status.PrometheusText.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void readsNamesLabelsValuesAndSkipsCommentsAndTimestamps() {
        List<Sample> samples = PrometheusText.parse("""
                # HELP http_server_requests_seconds
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{uri="/v1/x",le="+Inf",} 12 1700000000000
                process_uptime_seconds 42.5
                weird{msg="a \\"quoted\\" \\\\ back\\nslash, {braces}"} NaN
                """);

        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).labels()).containsEntry("uri", "/v1/x").containsEntry("le", "+Inf");
        assertThat(samples.get(0).value()).isEqualTo(12);
        assertThat(samples.get(1).name()).isEqualTo("process_uptime_seconds");
        assertThat(samples.get(1).labels()).isEmpty();
        assertThat(samples.get(2).label("msg")).isEqualTo("a \"quoted\" \\ back\nslash, {braces}");
        assertThat(samples.get(2).value()).isNaN();
    }

    @Test
    void malformedLinesAreSkippedNotFatal() {
        List<Sample> samples = PrometheusText.parse("""
                broken{label="unterminated 1
                also_broken{label=unquoted} 1
                fine 1
                no_value
                """);

        assertThat(samples).extracting(Sample::name).containsExactly("fine");
    }

    @Property(tries = 300)
    void whatIsWrittenInTheTextFormatReadsBackTheSame(@ForAll("samples") List<Sample> written) {
        String text = written.stream().map(PrometheusTextTests::format).collect(Collectors.joining("\n"));

        List<Sample> read = PrometheusText.parse(text);

        assertThat(read).isEqualTo(written);
    }

    @Provide
    Arbitrary<List<Sample>> samples() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_', ':').ofMinLength(1).ofMaxLength(30)
                .filter(name -> Character.isLetter(name.charAt(0)));
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(12)
                .filter(key -> Character.isLetter(key.charAt(0)));
        Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(20).filter(v -> v.chars().noneMatch(c -> c == '\r'));
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(keys, values).ofMaxSize(4).map(LinkedHashMap::new);
        Arbitrary<Double> numbers = Arbitraries.oneOf(Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0));
        return Combinators.combine(names, labels, numbers).as(Sample::new).list().ofMaxSize(10);
    }

    private static String format(Sample sample) {
        String labels = sample.labels().entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(","));
        String value = Double.isInfinite(sample.value()) ? (sample.value() > 0 ? "+Inf" : "-Inf") : Double.toString(sample.value());
        return sample.name() + (labels.isEmpty() ? "" : "{" + labels + "}") + " " + value;
    }
}
