package dev.lakehouse.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml and the Prometheus configuration, read as the files they are. */
class ComposeFileTests {

    private static final Set<String> LAKE_USERS = Set.of("gateway", "chatd", "materializerd", "replayd");

    private final Map<String, Object> compose = load("docker-compose.yml");

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void everyDaemonRunsItsImageWithAHealthCheckAMemoryLimitAndTheEnvFile(Daemon daemon) {
        Map<String, Object> service = service(daemon.id());

        assertThat((String) service.get("image")).endsWith("/" + daemon.id() + ":${LAKEHOUSE_IMAGE_TAG:-latest}");
        assertThat(map(service, "healthcheck").get("test"))
                .isEqualTo(List.of("CMD", "/usr/local/bin/lakehouse-daemon", "health"));
        assertThat((String) service.get("mem_limit")).matches("\\d+[mg]");
        assertThat(list(service, "env_file")).containsExactly("${LAKEHOUSE_ENV_FILE:-./lakehouse.env}");
        assertThat(map(service, "environment")).doesNotContainKey("LAKEHOUSE_INTERNAL_TOKEN");
        assertThat(list(service, "networks")).contains("lakehouse");
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void peersAreFoundByServiceNameOnTheirPorts(Daemon daemon) {
        Map<String, Object> environment = map(service(daemon.id()), "environment");

        assertThat(Daemon.all()).allSatisfy(peer -> assertThat(environment)
                .containsEntry("LAKEHOUSE_" + peer.name() + "_URL", "http://" + peer.id() + ":" + peer.port()));
    }

    @Test
    void onlyTheGatewayPublishesAPortAndTheDaemonsNetworkHasNoWayOut() {
        Set<String> publishing = services().entrySet().stream()
                .filter(entry -> ((Map<?, ?>) entry.getValue()).containsKey("ports"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(publishing).containsExactlyInAnyOrder("gateway", "grafana");
        assertThat(list(service("gateway"), "ports")).containsExactly("${LAKEHOUSE_GATEWAY_PUBLISH:-8080}:8080");
        assertThat(list(service("grafana"), "profiles")).containsExactly("dashboards");
        assertThat(map(map(compose, "networks"), "lakehouse")).containsEntry("internal", true);
    }

    @Test
    void dependenciesWaitForHealthyServices() {
        Map<String, Object> gatewayNeeds = map(service("gateway"), "depends_on");

        assertThat(gatewayNeeds.keySet()).containsExactlyInAnyOrder("embedd", "vectord", "chatd", "validated",
                "materializerd", "replayd");
        assertThat(services().values()).allSatisfy(service -> {
            Object dependsOn = ((Map<?, ?>) service).get("depends_on");
            if (dependsOn != null) {
                assertThat(((Map<?, ?>) dependsOn).values())
                        .allSatisfy(condition -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
            }
        });
        assertThat(map(service("vectord"), "depends_on")).containsKey("embedd");
        assertThat(map(service("chatd"), "depends_on")).containsKey("validated");
    }

    @Test
    void theLakeIsOneSharedVolumeAndVectordKeepsItsDataOnItsOwn() {
        assertThat(Daemon.all()).allSatisfy(daemon -> {
            List<Object> volumes = volumes(daemon.id());
            assertThat(volumes.contains("lake:/data/lake")).as(daemon.id()).isEqualTo(LAKE_USERS.contains(daemon.id()));
        });
        assertThat(volumes("vectord")).containsExactly("vectord-data:/data");
        assertThat(map(compose, "volumes")).containsKeys("lake", "vectord-data", "prometheus-data");
    }

    @Test
    void ollamaRunsOnlyInItsProfileAndTheApiKeysComeFromASecretFile() {
        assertThat(list(service("ollama"), "profiles")).containsExactly("ollama");
        assertThat(map(service("embedd"), "environment")).containsEntry("OLLAMA_BASE_URL", "${OLLAMA_BASE_URL:-http://ollama:11434}");
        assertThat(list(service("gateway"), "secrets")).containsExactly("api_keys");
        assertThat(map(map(compose, "secrets"), "api_keys")).containsEntry("file", "${LAKEHOUSE_API_KEYS:-./api-keys.yml}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryDaemonsActuatorOnTheInternalNetwork() {
        Map<String, Object> prometheus = load("observability/prometheus/prometheus.yml");
        Map<String, Object> lakehouseJob = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .filter(job -> job.get("job_name").equals("lakehouse")).findFirst().orElseThrow();
        List<String> targets = ((List<Map<String, Object>>) lakehouseJob.get("static_configs")).stream()
                .flatMap(config -> ((List<String>) config.get("targets")).stream()).toList();

        assertThat(lakehouseJob).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                Daemon.all().stream().map(daemon -> daemon.id() + ":" + daemon.port()).toList());
        assertThat(list(service("prometheus"), "networks")).containsExactly("lakehouse");
        assertThat(list(service("prometheus"), "volumes"))
                .contains("./observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void theEnvFileExampleNamesTheTokenAndHoldsNoSecret() throws IOException {
        List<String> settings = Files.readAllLines(Repository.resolve("lakehouse.env.example")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(settings).containsExactly("LAKEHOUSE_INTERNAL_TOKEN=");
    }

    private Map<String, Object> services() {
        return map(compose, "services");
    }

    private Map<String, Object> service(String name) {
        return map(services(), name);
    }

    private List<Object> volumes(String service) {
        Object volumes = service(service).get("volumes");
        return volumes == null ? List.of() : list(service(service), "volumes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<T>) value;
    }

    /** SnakeYAML resolves the anchors and merge keys ({@code <<: *daemon}) compose files use. */
    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(Repository.resolve(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
