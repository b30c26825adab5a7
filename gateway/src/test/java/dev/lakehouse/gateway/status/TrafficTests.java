package dev.lakehouse.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficTests {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void ratesCoverTheWindowBetweenTwoScrapesAndLeaveProbesOut() {
        Scrape before = scrape(T0, 100, 0, 90, 100, 500);
        Scrape after = scrape(T0.plusSeconds(10), 190, 10, 150, 200, 9000);

        Traffic traffic = Traffic.between(before, after);

        assertThat(traffic.requestsPerSecond().getAsDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(traffic.errorRatio().getAsDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(traffic.p95Seconds().getAsDouble()).isCloseTo(0.1 + 0.9 * (95 - 60) / 40.0, within(1e-9));
        assertThat(traffic.window()).isEqualTo("last 10 s");
    }

    @Test
    void withoutAnEarlierScrapeTheAverageSinceStartIsShown() {
        Traffic traffic = Traffic.between(null, scrape(T0, 95, 5, 90, 100, 0));

        assertThat(traffic.requestsPerSecond().getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(traffic.errorRatio().getAsDouble()).isCloseTo(0.05, within(1e-9));
        assertThat(traffic.window()).isEqualTo("since start");
    }

    @Test
    void aRestartedDaemonsFreshCountersFallBackToSinceStart() {
        Traffic traffic = Traffic.between(scrape(T0, 500, 0, 500, 500, 0), scrape(T0.plusSeconds(5), 20, 0, 20, 20, 0));

        assertThat(traffic.window()).isEqualTo("since start");
    }

    @Test
    void scrapeWithoutRequestMetricsHasNoNumbers() {
        Traffic traffic = Traffic.between(null, Scrape.of(T0, ""));

        assertThat(traffic).isEqualTo(Traffic.UNKNOWN);
    }

    /** A daemon with {@code ok} 2xx and {@code errors} 5xx answers; {@code fast} of all under 0.1 s, {@code all} under 1 s. */
    private static Scrape scrape(Instant at, long ok, long errors, long fast, long all, long probes) {
        long total = ok + errors;
        return Scrape.of(at, """
                process_uptime_seconds 100
                http_server_requests_seconds_count{status="200",uri="/v1/x"} %d
                http_server_requests_seconds_count{status="503",uri="/v1/x"} %d
                http_server_requests_seconds_count{status="200",uri="/actuator/prometheus"} %d
                http_server_requests_seconds_bucket{status="200",uri="/v1/x",le="0.1"} %d
                http_server_requests_seconds_bucket{status="200",uri="/v1/x",le="1.0"} %d
                http_server_requests_seconds_bucket{status="200",uri="/v1/x",le="+Inf"} %d
                http_server_requests_seconds_bucket{status="200",uri="/actuator/prometheus",le="0.1"} %d
                """.formatted(ok, errors, probes, fast, all, total, probes));
    }
}
