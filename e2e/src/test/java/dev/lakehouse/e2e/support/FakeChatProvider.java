package dev.lakehouse.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for OpenAI's Chat Completions API (the only kind of component the suite may
 * replace): answers {@code "Echo: <last user message>"}, as JSON or as SSE chunks ending with
 * {@code data: [DONE]}, with usage, and records the requests it got.
 */
public final class FakeChatProvider implements AutoCloseable {

    /** The key chatd is given for this provider (OPENAI_API_KEY). */
    public static final String API_KEY = "sk-e2e-fake-provider-key-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeChatProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    public static FakeChatProvider start() {
        return new FakeChatProvider();
    }

    /** The base URL chatd is given (OPENAI_BASE_URL). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> entry.getValue().getFirst(), (a, b) -> a));
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(headers, body));
        JsonNode messages = body.path("messages");
        String reply = "Echo: " + messages.get(messages.size() - 1).path("content").asString("");
        try (exchange) {
            if (body.path("stream").asBoolean(false)) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String piece : reply.split("(?<= )")) {
                    write(out, chunk("{\"content\":" + JSON.writeValueAsString(piece) + "}", "null"));
                }
                write(out, chunk("{}", "\"stop\""));
                write(out, "data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                        + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":5,"
                        + "\"total_tokens\":13}}\n\n");
                write(out, "data: [DONE]\n\n");
            } else {
                byte[] bytes = ("{\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion\",\"created\":1764000000,"
                        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + JSON.writeValueAsString(reply) + "},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":5,\"total_tokens\":13}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request chatd sent: its headers (names lower-cased) and JSON body. */
    public record Received(Map<String, String> headers, JsonNode body) {
    }
}
