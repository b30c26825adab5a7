package dev.lakehouse.embedd.ollama;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code ollama} component of health and readiness: UP with Ollama's version, or DOWN
 * saying why and what still serves. embedd stays ready while Ollama is down (the readiness
 * group orders DOWN below UP): its in-process model keeps serving. The version probe is
 * neither retried nor counted by the circuit breaker.
 */
public class OllamaHealthIndicator implements HealthIndicator {

    private final OllamaClient client;
    private final String servedInProcess;

    public OllamaHealthIndicator(OllamaClient client, String servedInProcess) {
        this.client = client;
        this.servedInProcess = servedInProcess;
    }

    @Override
    public Health health() {
        CircuitBreaker.State circuit = client.circuitState();
        Health.Builder health = new Health.Builder()
                .withDetail("baseUrl", client.baseUrl().toString())
                .withDetail("circuitBreaker", circuit.name());
        // Probed even while the circuit is open: health reports whether Ollama answers now,
        // the circuit state says whether embedd calls it yet.
        try {
            String version = client.version().version();
            return health.up().withDetail("version", version == null ? "unknown" : version).build();
        } catch (OllamaUnreachableException | OllamaResponseException e) {
            return down(health, e.getMessage());
        }
    }

    private Health down(Health.Builder health, String error) {
        return health.down()
                .withDetail("error", error)
                .withDetail("stillServing", servedInProcess + " (in process)")
                .build();
    }
}
