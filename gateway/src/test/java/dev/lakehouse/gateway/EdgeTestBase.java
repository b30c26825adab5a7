package dev.lakehouse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a random port in front of six fake daemons, with the test keys: the edge's
 * tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EdgeTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Map<String, FakeDaemon> DAEMONS = new LinkedHashMap<>();
    protected static final Path DATA_DIR;
    protected static final Path KEYS_FILE;

    static {
        for (String daemon : new String[] {"embedd", "vectord", "chatd", "validated", "materializerd", "replayd"}) {
            DAEMONS.put(daemon, FakeDaemon.start(daemon));
        }
        try {
            DATA_DIR = Files.createTempDirectory("gateway-edge-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KEYS_FILE = TestKeys.writeTo(DATA_DIR.resolve("api-keys.yml"));
    }

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        DAEMONS.forEach((name, daemon) -> registry.add("lakehouse.gateway.daemons." + name + ".url", () -> daemon.url().toString()));
        registry.add("lakehouse.data-dir", DATA_DIR::toString);
        registry.add("lakehouse.lake.dir", () -> DATA_DIR.resolve("lake").toString());
        registry.add("lakehouse.gateway.keys.file", KEYS_FILE::toString);
        registry.add("lakehouse.gateway.keys.reload-interval", () -> "200ms");
        registry.add("lakehouse.lake.fsync-interval", () -> "50ms");
    }

    @AfterEach
    void resetDaemons() {
        DAEMONS.values().forEach(FakeDaemon::reset);
    }

    protected static FakeDaemon daemon(String name) {
        return DAEMONS.get(name);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
    }

    protected HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> sendWithKey(HttpRequest.Builder request, String secret) {
        return send(request.header("Authorization", TestKeys.bearer(secret)));
    }
}
