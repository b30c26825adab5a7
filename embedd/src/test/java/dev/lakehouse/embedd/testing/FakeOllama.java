package dev.lakehouse.embedd.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Ollama that speaks its HTTP API exactly as Ollama does for the calls embedd makes:
 * {@code POST /api/embed} (string or array input, truncate, dimensions cut and renormalised,
 * {@code prompt_eval_count}, durations in ns, {@code {"error": "..."}} on failure),
 * {@code GET /api/tags}, {@code POST /api/show} (capabilities), {@code GET /api/version}.
 * Embeddings are deterministic per model and text. Failures, latency and a gate that holds
 * answers can be switched on per test.
 */
public final class FakeOllama implements AutoCloseable {

    public static final String MODEL = "fake-embed";
    public static final int DIMENSIONS = 8;
    public static final String CHAT_MODEL = "fake-chat";
    /** With truncate=false, inputs longer than this are refused, as Ollama does past the context length. */
    public static final int CONTEXT_CHARS = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger embedCalls = new AtomicInteger();
    private final List<List<String>> embedInputs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<@Nullable Failure> failure = new AtomicReference<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private FakeOllama(HttpServer server) {
        this.server = server;
    }

    public static FakeOllama start() {
        // As Go's net/http (Ollama): no Nagle delay between a response's headers and body.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeOllama fake = new FakeOllama(server);
            server.createContext("/api/embed", fake::embed);
            server.createContext("/api/tags", fake::tags);
            server.createContext("/api/show", fake::show);
            server.createContext("/api/version", exchange -> fake.send(exchange, 200, "{\"version\":\"0.12.6\"}"));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Back to a healthy, fast, open Ollama with no calls counted. */
    public void reset() {
        failure.set(null);
        latency = Duration.ZERO;
        gate.countDown();
        gate = new CountDownLatch(0);
        embedCalls.set(0);
        embedInputs.clear();
    }

    /** The next {@code times} embed calls answer {@code status} with Ollama's error body. */
    public void failNext(int times, int status, String message, @Nullable String retryAfter) {
        failure.set(new Failure(new AtomicInteger(times), status, message, retryAfter));
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Embed calls are received and counted, then wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    public int embedCalls() {
        return embedCalls.get();
    }

    /** The inputs of every embed call received, in arrival order. */
    public List<List<String>> embedInputs() {
        synchronized (embedInputs) {
            return List.copyOf(embedInputs);
        }
    }

    /** The vector Ollama returns for {@code text} with {@link #MODEL}, for comparing answers. */
    public static float[] vectorOf(String model, String text, int dimensions) {
        Random random = new Random((model + "\u0000" + text).hashCode());
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return normalize(vector);
    }

    private void embed(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        List<String> inputs = inputs(request.path("input"));
        embedCalls.incrementAndGet();
        embedInputs.add(inputs);
        awaitGate();
        sleep(latency);
        Failure failing = failure.get();
        if (failing != null && failing.remaining().getAndDecrement() > 0) {
            if (failing.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", failing.retryAfter());
            }
            sendError(exchange, failing.status(), failing.message());
            return;
        }
        String model = request.path("model").asString("");
        if (!isModel(model, MODEL)) {
            sendError(exchange, 404, "model '" + model + "' not found");
            return;
        }
        boolean truncate = request.path("truncate").asBoolean(true);
        int dimensions = request.path("dimensions").asInt(0);
        ObjectNode response = JSON.createObjectNode().put("model", model);
        ArrayNode embeddings = response.putArray("embeddings");
        int tokens = 0;
        for (String input : inputs) {
            if (!truncate && input.length() > CONTEXT_CHARS) {
                sendError(exchange, 400, "the input length exceeds the context length");
                return;
            }
            float[] vector = vectorOf(MODEL, input, DIMENSIONS);
            if (dimensions > 0 && dimensions < vector.length) {
                vector = normalize(java.util.Arrays.copyOf(vector, dimensions));
            }
            ArrayNode values = embeddings.addArray();
            for (float value : vector) {
                values.add(value);
            }
            tokens += input.split("\\s+").length + 2;
        }
        response.put("total_duration", System.nanoTime() - start).put("load_duration", 1000L)
                .put("prompt_eval_count", tokens);
        send(exchange, 200, JSON.writeValueAsString(response));
    }

    private void tags(HttpExchange exchange) throws IOException {
        send(exchange, 200, """
                {"models":[
                  {"name":"fake-embed:latest","model":"fake-embed:latest","modified_at":"2026-11-01T10:00:00.000000000Z","digest":"aaa"},
                  {"name":"fake-chat:latest","model":"fake-chat:latest","modified_at":"2026-11-02T10:00:00.000000000Z","digest":"bbb"}
                ]}""");
    }

    private void show(HttpExchange exchange) throws IOException {
        String model = JSON.readTree(exchange.getRequestBody()).path("model").asString("");
        if (isModel(model, MODEL)) {
            send(exchange, 200, "{\"capabilities\":[\"embedding\"],\"model_info\":{\"general.architecture\":\"bert\","
                    + "\"bert.embedding_length\":" + DIMENSIONS + "}}");
        } else if (isModel(model, CHAT_MODEL)) {
            send(exchange, 200, "{\"capabilities\":[\"completion\"],\"model_info\":{\"llama.embedding_length\":4096}}");
        } else {
            sendError(exchange, 404, "model '" + model + "' not found");
        }
    }

    private static boolean isModel(String requested, String model) {
        return requested.equals(model) || requested.equals(model + ":latest");
    }

    private static List<String> inputs(JsonNode input) {
        if (input.isString()) {
            return input.asString().isEmpty() ? List.of() : List.of(input.asString());
        }
        List<String> inputs = new ArrayList<>();
        input.forEach(item -> inputs.add(item.asString()));
        return inputs;
    }

    private void awaitGate() {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the fake Ollama");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static float[] normalize(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += (double) value * value;
        }
        float scale = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private void sendError(HttpExchange exchange, int status, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        send(exchange, status, JSON.writeValueAsString(body));
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
    }

    private record Failure(AtomicInteger remaining, int status, String message, @Nullable String retryAfter) {
    }
}
