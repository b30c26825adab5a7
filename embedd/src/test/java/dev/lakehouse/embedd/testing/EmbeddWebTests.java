package dev.lakehouse.embedd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon on a random port with a fake Ollama behind it. Every subclass shares one
 * application context (and one loaded ONNX model) and one fake Ollama.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddWebTests {

    protected static final FakeOllama ollama = FakeOllama.start();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void ollamaBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.embedd.ollama.base-url", () -> ollama.baseUrl().toString());
    }

    @BeforeEach
    void healthyOllama() {
        ollama.reset();
    }

    protected HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN).GET());
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

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The golden file {@code golden/<name>} as compact JSON, keys in file order. */
    protected static String golden(String name) {
        try (InputStream file = EmbeddWebTests.class.getResourceAsStream("/golden/" + name)) {
            if (file == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return compact(new String(file.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text without insignificant whitespace, for comparing with a golden file. */
    protected static String compact(String json) {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    protected static void assertJsonContentType(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
    }
}
