package dev.lakehouse.gateway.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the API keys live and how they are used.
 *
 * @param file the keys file ({@code LAKEHOUSE_API_KEYS_FILE}, default {@code $LAKEHOUSE_DATA_DIR/api-keys.yml})
 * @param reloadInterval how often the file is checked for changes; a change applies without a restart
 * @param required whether public routes need a key; {@code false} lets every request through as the
 *     anonymous caller with every grant and no limits, for a benchmark or a machine nobody else can reach
 * @param openPaths path patterns that need no key: the suite's health and the probes and scrapers
 */
@ConfigurationProperties("lakehouse.gateway.keys")
public record KeysProperties(
        @DefaultValue("data/api-keys.yml") Path file,
        @DefaultValue("2s") Duration reloadInterval,
        @DefaultValue("true") boolean required,
        @DefaultValue({"/v1/health", "/actuator/health", "/actuator/health/**", "/actuator/prometheus"}) List<String> openPaths) {
}
