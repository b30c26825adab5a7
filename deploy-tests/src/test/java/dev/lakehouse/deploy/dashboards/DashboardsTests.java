package dev.lakehouse.deploy.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class DashboardsTests {

    /** What every daemon's dashboard shows, whatever the daemon does. */
    private static final List<String> COMMON_PANELS = List.of("Request rate", "Errors", "Latency p50 / p99",
            "Error ratio (5xx)", "Heap", "GC pauses", "CPU and threads", "Uptime");
    /** The daemon's own panels (DESIGN 3; issue 9: cache hit ratio, breakers, index size and search latency, drops). */
    private static final Map<Daemon, List<String>> OWN_PANELS = Map.of(
            Daemon.GATEWAY, List.of("API keys loaded", "Refused requests", "Daemon circuit breakers", "Records written / dropped / failed", "Dropped observations (total)"),
            Daemon.EMBEDD, List.of("Cache hit ratio", "Cache size", "Backend latency p50 / p99", "Ollama circuit breakers"),
            Daemon.VECTORD, List.of("Search latency p50 / p99", "Index size on disk", "Points per collection"),
            Daemon.CHATD, List.of("Provider circuit breakers", "Dropped observations (total)"),
            Daemon.VALIDATED, List.of(),
            Daemon.MATERIALIZERD, List.of(),
            Daemon.REPLAYD, List.of());

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void eachDaemonHasItsDashboardWithTheCommonAndItsOwnPanels(Daemon daemon) {
        JsonNode dashboard = Dashboards.of(daemon);

        assertThat(dashboard.path("uid").asString()).isEqualTo("lakehouse-" + daemon.id());
        assertThat(Dashboards.panels(dashboard)).extracting(panel -> panel.path("title").asString())
                .containsAll(COMMON_PANELS).containsAll(OWN_PANELS.get(daemon));
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void everyQuerySelectsOnlyItsOwnDaemon(Daemon daemon) {
        List<String> expressions = Dashboards.expressions(Dashboards.of(daemon));

        assertThat(expressions).isNotEmpty().allSatisfy(expression -> assertThat(PromQl.selectors(expression))
                .as(expression).isNotEmpty()
                .allSatisfy(selector -> assertThat(selector).contains("application=\"" + daemon.id() + "\"")));
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void panelsUseTheProvisionedPrometheusThroughTheDatasourceVariable(Daemon daemon) throws IOException {
        JsonNode dashboard = Dashboards.of(daemon);
        String provisioned = Files.readString(Repository.resolve("observability/grafana/provisioning/datasources/prometheus.yml"));

        assertThat(Dashboards.panels(dashboard)).allSatisfy(panel ->
                assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}"));
        String defaultSource = dashboard.path("templating").path("list").path(0).path("current").path("value").asString();
        assertThat(provisioned).contains("uid: " + defaultSource);
    }
}
