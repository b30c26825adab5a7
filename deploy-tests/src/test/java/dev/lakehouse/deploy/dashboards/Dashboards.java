package dev.lakehouse.deploy.dashboards;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboards in observability/grafana/dashboards, one per daemon. */
final class Dashboards {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Dashboards() {
    }

    static Path file(Daemon daemon) {
        return Repository.resolve("observability/grafana/dashboards").resolve(daemon.id() + ".json");
    }

    static JsonNode of(Daemon daemon) {
        return JSON.readTree(file(daemon).toFile());
    }

    /** Every panel that shows data (rows left out). */
    static List<JsonNode> panels(JsonNode dashboard) {
        return dashboard.path("panels").valueStream().filter(panel -> !panel.path("type").asString().equals("row"))
                .toList();
    }

    static List<String> expressions(JsonNode dashboard) {
        return panels(dashboard).stream().flatMap(panel -> panel.path("targets").valueStream())
                .map(target -> target.path("expr").asString()).toList();
    }

    /** Every metric name any of the dashboard's queries reads. */
    static Set<String> metricNames(Daemon daemon) {
        Set<String> names = new TreeSet<>();
        expressions(of(daemon)).forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        return names;
    }
}
