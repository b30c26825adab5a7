package dev.lakehouse.chatd;

import static org.awaitility.Awaitility.await;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.chatd.dispatch.ProviderGuards;
import dev.lakehouse.chatd.fakes.FakeServer;
import dev.lakehouse.chatd.fakes.FakeValidated;
import dev.lakehouse.chatd.fakes.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chatd booted on a random port with every provider replaced by a local fake speaking its wire
 * format, validated replaced by a stand-in speaking the verdict contract, the test roles, and a
 * temporary lake. Test classes extending it share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ChatdHarness {

    public static final String OPENAI_KEY = "sk-test-openai-SECRET-0123456789";
    public static final String ANTHROPIC_KEY = "sk-ant-test-SECRET-0123456789";
    public static final String GEMINI_KEY = "AIzaTestSECRET0123456789abcdefghij";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    protected static final FakeServer OPENAI = FakeServer.start(ChatdHarness::openAiDefault);
    protected static final FakeServer ANTHROPIC = FakeServer.start(ChatdHarness::anthropicDefault);
    protected static final FakeServer GEMINI = FakeServer.start(ChatdHarness::geminiDefault);
    protected static final FakeServer OLLAMA = FakeServer.start(ChatdHarness::ollamaDefault);
    protected static final FakeServer VALIDATED = FakeServer.start(FakeValidated::judge);
    protected static final Path DATA = temp();

    /** Where validated is: the stand-in, unless a test class points chatd at the real one. */
    protected static volatile java.util.function.Supplier<String> validatedUrl = VALIDATED::url;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ProviderGuards guards;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", DATA::toString);
        registry.add("lakehouse.lake-dir", () -> DATA.resolve("lake").toString());
        registry.add("lakehouse.chatd.roles-file", () -> "classpath:test-roles.yml");
        registry.add("lakehouse.chatd.providers.openai.base-url", () -> OPENAI.url() + "/v1");
        registry.add("lakehouse.chatd.providers.openai.api-key", () -> OPENAI_KEY);
        registry.add("lakehouse.chatd.providers.openai.models", () -> "gpt-test,gpt-other");
        registry.add("lakehouse.chatd.providers.anthropic.base-url", ANTHROPIC::url);
        registry.add("lakehouse.chatd.providers.anthropic.api-key", () -> ANTHROPIC_KEY);
        registry.add("lakehouse.chatd.providers.anthropic.models", () -> "claude-test");
        registry.add("lakehouse.chatd.providers.gemini.base-url", GEMINI::url);
        registry.add("lakehouse.chatd.providers.gemini.api-key", () -> GEMINI_KEY);
        registry.add("lakehouse.chatd.providers.gemini.models", () -> "gemini-test");
        registry.add("lakehouse.chatd.providers.ollama.base-url", OLLAMA::url);
        registry.add("lakehouse.chatd.providers.ollama.models", () -> "llama-test");
        registry.add("lakehouse.chatd.providers.openrouter.api-key", () -> "");
        registry.add("spring.http.serviceclient.validated.base-url", () -> validatedUrl.get());
        for (String provider : List.of("openai", "anthropic", "gemini", "ollama")) {
            String prefix = "lakehouse.chatd.providers." + provider;
            registry.add(prefix + ".timeout", () -> "2s");
            registry.add(prefix + ".stream-idle-timeout", () -> "2s");
            registry.add(prefix + ".resilience.initial-backoff", () -> "5ms");
        }
        registry.add("lakehouse.chatd.replay.refresh-interval", () -> "1h");
    }

    @BeforeEach
    void resetFakes() {
        OPENAI.reset(ChatdHarness::openAiDefault);
        ANTHROPIC.reset(ChatdHarness::anthropicDefault);
        GEMINI.reset(ChatdHarness::geminiDefault);
        OLLAMA.reset(ChatdHarness::ollamaDefault);
        VALIDATED.reset(FakeValidated::judge);
        for (String provider : List.of("openai", "anthropic", "gemini", "ollama", "replay")) {
            guards.guard(provider).breaker().reset();
        }
    }

    // Each fake answers in its provider's default way: a stream when asked for one, one JSON answer otherwise.

    private static FakeServer.Reply openAiDefault(FakeServer.Recorded request) {
        return request.json().path("stream").asBoolean(false) ? Wire.openAiStream("Hello ", "from ", "OpenAI.")
                : Wire.openAiAnswer("Hello from OpenAI.", 12, 4);
    }

    private static FakeServer.Reply anthropicDefault(FakeServer.Recorded request) {
        return request.json().path("stream").asBoolean(false) ? Wire.anthropicStream("Hello ", "from ", "Claude.")
                : Wire.anthropicAnswer("Hello from Claude.", 14, 5);
    }

    private static FakeServer.Reply geminiDefault(FakeServer.Recorded request) {
        return request.path().endsWith(":streamGenerateContent") ? Wire.geminiStream("Hello ", "from ", "Gemini.")
                : Wire.geminiAnswer("Hello from Gemini.", 9, 4);
    }

    private static FakeServer.Reply ollamaDefault(FakeServer.Recorded request) {
        if (request.path().equals("/api/tags")) {
            return Wire.ollamaTags("llama-test:latest", "qwen-local:0.5b");
        }
        return request.json().path("stream").asBoolean(true) ? Wire.ollamaStream("Hello ", "from ", "Ollama.")
                : Wire.ollamaAnswer("Hello from Ollama.", 10, 4);
    }

    /** POSTs JSON with the internal token and a fresh request id (returned in the response header). */
    protected HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN)
                .header("X-Request-Id", "t-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The observation chatd wrote for a response, waiting for the lake writer's thread to append it. */
    protected JsonNode observationOf(HttpResponse<String> response) {
        return observationOf(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    /** The observation of a request id, waiting for the lake writer's thread to append it. */
    protected JsonNode observationOf(String requestId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.clear();
            observations().stream().filter(node -> requestId.equals(node.path("requestId").asString())).forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    /** Every complete observation line in the lake so far. */
    protected static List<JsonNode> observations() {
        Path dir = DATA.resolve("lake").resolve("observations");
        List<JsonNode> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file);
                // The writer may be mid-append: like the lake's readers, take only complete lines.
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                    if (!line.isBlank()) {
                        all.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The raw lake text, to prove what is not in it. */
    protected static String lakeText() {
        StringBuilder text = new StringBuilder();
        observations().forEach(node -> text.append(node).append('\n'));
        return text.toString();
    }

    protected static String chat(String model, String user) {
        return "{\"model\":" + (model == null ? "null" : "\"" + model + "\"")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}]}";
    }

    private static Path temp() {
        try {
            Path dir = Files.createTempDirectory("chatd-tests-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
