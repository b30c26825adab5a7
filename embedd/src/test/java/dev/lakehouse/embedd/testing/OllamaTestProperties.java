package dev.lakehouse.embedd.testing;

import dev.lakehouse.embedd.ollama.OllamaProperties;
import java.net.URI;
import java.time.Duration;

/** Ollama client settings for tests: short timeouts and backoff, a small breaker window. */
public final class OllamaTestProperties {

    private OllamaTestProperties() {
    }

    public static OllamaProperties of(URI baseUrl) {
        return new OllamaProperties(baseUrl, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500), 4,
                Duration.ofSeconds(30),
                new OllamaProperties.Retry(3, Duration.ofMillis(5), 2.0, Duration.ofSeconds(2)),
                new OllamaProperties.CircuitBreaker(50, 4, 4, Duration.ofMillis(300), 1));
    }

    /** A port where nothing listens: connections are refused. */
    public static URI closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
