package dev.lakehouse.deploy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Ollama server speaking the real wire format of {@code /api/chat} (non-streaming),
 * {@code /api/tags} and {@code /api/version}, answering every chat with one fixed sentence.
 * It listens on the Docker bridge's address, where containers reach the host.
 */
public final class FakeOllama implements AutoCloseable {

    public static final String MODEL = "llama3.2:1b";
    public static final String ANSWER = "Hello from the fake Ollama.";

    private final HttpServer server;
    private final AtomicInteger chats = new AtomicInteger();

    private FakeOllama(HttpServer server) {
        this.server = server;
    }

    public static FakeOllama start(String bindAddress) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, 0), 16);
            FakeOllama fake = new FakeOllama(server);
            server.createContext("/api/chat", fake::chat);
            server.createContext("/api/tags", exchange -> send(exchange, 200, """
                    {"models":[{"name":"%s","model":"%s","modified_at":"2026-11-01T00:00:00Z","size":1321098329,\
                    "digest":"baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878",\
                    "details":{"format":"gguf","family":"llama","parameter_size":"1.2B","quantization_level":"Q8_0"}}]}
                    """.formatted(MODEL, MODEL)));
            server.createContext("/api/version", exchange -> send(exchange, 200, "{\"version\":\"0.12.0\"}"));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Ollama on " + bindAddress, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int chats() {
        return chats.get();
    }

    private void chat(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        chats.incrementAndGet();
        send(exchange, 200, """
                {"model":"%s","created_at":"%s","message":{"role":"assistant","content":"%s"},\
                "done_reason":"stop","done":true,"total_duration":120000000,"load_duration":1000000,\
                "prompt_eval_count":12,"prompt_eval_duration":20000000,"eval_count":7,"eval_duration":90000000}
                """.formatted(MODEL, Instant.now(), ANSWER));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.strip().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
