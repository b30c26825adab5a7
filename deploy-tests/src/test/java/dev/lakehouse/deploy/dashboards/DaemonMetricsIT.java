package dev.lakehouse.deploy.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.DaemonProcess;
import dev.lakehouse.deploy.support.FakeOllama;
import dev.lakehouse.deploy.support.Http;
import dev.lakehouse.deploy.support.TestApiKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starts each daemon from its executable jar and checks, against its live
 * {@code /actuator/prometheus}, that every metric its dashboard queries exists, and that the
 * probe paths the images and the Kubernetes manifests use answer.
 */
class DaemonMetricsIT {

    private static FakeOllama ollama;

    @BeforeAll
    static void startOllama() {
        ollama = FakeOllama.start("127.0.0.1");
    }

    @AfterAll
    static void stopOllama() {
        ollama.close();
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void everyMetricTheDashboardQueriesIsExposedAndTheProbesAnswer(Daemon daemon, @TempDir Path dataDir)
            throws IOException {
        Path keys = Files.writeString(dataDir.resolve("api-keys.yml"), TestApiKeys.KEYS_FILE);
        try (DaemonProcess process = DaemonProcess.start(daemon, dataDir, Map.of(
                "OLLAMA_BASE_URL", "http://127.0.0.1:" + ollama.port(), "LAKEHOUSE_API_KEYS_FILE", keys.toString()))) {
            Http peer = process.peer();
            Workloads.exercise(daemon, peer, Http.asClient(process.url(), TestApiKeys.KEY));
            process.collectGarbage();

            Http.Response exposition = peer.get("/actuator/prometheus");

            assertThat(exposition.status()).isEqualTo(200);
            assertThat(exposedNames(exposition.body())).as(daemon.id() + " exposes")
                    .containsAll(Dashboards.metricNames(daemon));
            assertThat(peer.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(peer.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    /** The sample names of a Prometheus text exposition ({@code name{labels} value}). */
    private static Set<String> exposedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }
}
