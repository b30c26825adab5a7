package dev.lakehouse.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.status.StatusReport.BreakerView;
import dev.lakehouse.gateway.status.StatusReport.CacheView;
import dev.lakehouse.gateway.status.StatusReport.CollectionView;
import dev.lakehouse.gateway.status.StatusReport.DaemonView;
import dev.lakehouse.gateway.status.StatusReport.LakeUsage;
import dev.lakehouse.gateway.status.StatusReport.Section;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatusPageTests {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void pageRefreshesItselfAndLoadsNothingFromElsewhere() {
        String html = StatusPage.render(report(List.of()), Duration.ofSeconds(5));

        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .contains("data-rendered-at=\"" + NOW.toEpochMilli() + "\"")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("url(");
    }

    @Test
    void downDaemonRowIsMarkedDownWithItsReasonAndMissingNumbersAreNa() {
        DaemonView down = new DaemonView("vectord", "DOWN", "http://localhost:8082", "connection refused", null, null,
                OptionalDouble.empty(), Traffic.UNKNOWN);

        String html = StatusPage.render(report(List.of(down)), Duration.ofSeconds(5));

        assertThat(html).contains("<tr class=\"down\" data-daemon=\"vectord\" data-health=\"DOWN\">")
                .contains("DOWN: connection refused").contains("<td class=\"num na\">n/a</td>")
                .contains("n/a: vectord connection refused");
    }

    @Test
    void textFromDaemonsIsEscaped() {
        DaemonView odd = new DaemonView("embedd", "UP", "http://x", null, "<script>alert(1)</script>", "abc\"def",
                OptionalDouble.of(61), new Traffic(OptionalDouble.of(2.5), OptionalDouble.of(0.01), OptionalDouble.of(0.0042),
                "last 5 s"));

        String html = StatusPage.render(report(List.of(odd)), Duration.ofSeconds(5));

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; (abc&quot;def)")
                .contains("2.50/s").contains("1.0%").contains("4.20 ms").contains("1m 1s");
    }

    @Test
    void bothEmbeddingCachesHaveARowAndAnUnknownFigureIsNa() {
        String html = StatusPage.render(report(List.of()), Duration.ofSeconds(5));

        assertThat(html).contains("<tr><td>gateway: whole answers</td><td class=\"num\">75.0%</td><td class=\"num\">1,200</td>"
                        + "<td class=\"num\">6.0 MiB</td></tr>")
                .contains("<tr><td>embedd: inputs</td><td class=\"num na\">n/a</td>");
    }

    private static StatusReport report(List<DaemonView> daemons) {
        return new StatusReport(NOW, daemons.stream().allMatch(DaemonView::isUp) ? "UP" : "DEGRADED", daemons,
                List.of(new BreakerView("chatd", "openai", "open")),
                List.of(new CacheView("gateway: whole answers", OptionalDouble.of(0.75), OptionalDouble.of(1200),
                                OptionalDouble.of(6 << 20)),
                        new CacheView("embedd: inputs", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty())),
                daemons.stream().anyMatch(d -> !d.isUp()) ? Section.unavailable("vectord connection refused")
                        : new Section<>(List.of(new CollectionView("docs", OptionalDouble.of(384), OptionalDouble.of(10),
                                OptionalDouble.of(2048))), null),
                new LakeUsage("/data/lake", Map.of("audit", 4096L), OptionalDouble.of(1e9), null),
                Section.unavailable("materializerd connection refused"), new Section<>(List.of(), null));
    }
}
