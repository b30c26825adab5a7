package dev.lakehouse.chatd.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server standing in for a model provider (or validated): answers scripted replies
 * in order, then a default one, and records every request. Streams are written chunk by chunk
 * with a flush each, exactly as a provider's server sends them.
 */
public final class FakeServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> fallback;

    private FakeServer(Function<Recorded, Reply> fallback) {
        this.fallback = fallback;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeServer start(Function<Recorded, Reply> fallback) {
        return new FakeServer(fallback);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void enqueue(Reply... replies) {
        script.addAll(List.of(replies));
    }

    public void answerByDefault(Function<Recorded, Reply> reply) {
        this.fallback = reply;
    }

    public void reset(Function<Recorded, Reply> reply) {
        script.clear();
        requests.clear();
        fallback = reply;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(), headers, body, exchange.getRemoteAddress().getPort());
        requests.add(recorded);
        Reply reply = script.poll();
        try (exchange) {
            send(exchange, reply != null ? reply : fallback.apply(recorded));
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        switch (reply) {
            case Reply.Slow slow -> {
                sleep(slow.delay());
                send(exchange, slow.then());
            }
            case Reply.Body full -> {
                byte[] bytes = full.body().getBytes(StandardCharsets.UTF_8);
                full.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.getResponseHeaders().add("Content-Type", full.contentType());
                exchange.sendResponseHeaders(full.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            }
            case Reply.Stream stream -> {
                exchange.getResponseHeaders().add("Content-Type", stream.contentType());
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.flush();
                for (String chunk : stream.chunks()) {
                    sleep(stream.between());
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                sleep(stream.holdAtEnd());
            }
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

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request the server received; header names lower-cased; the port the client sent it from (one per connection). */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body,
            int clientPort) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** What the server answers. */
    public sealed interface Reply {

        static Reply json(int status, String body) {
            return new Body(status, "application/json", body, Map.of());
        }

        static Reply json(int status, String body, Map<String, String> headers) {
            return new Body(status, "application/json", body, headers);
        }

        static Reply sse(List<String> events) {
            return new Stream("text/event-stream", events, Duration.ZERO, Duration.ZERO);
        }

        static Reply ndjson(List<String> lines) {
            return new Stream("application/x-ndjson", lines, Duration.ZERO, Duration.ZERO);
        }

        static Reply slow(Duration delay, Reply then) {
            return new Slow(delay, then);
        }

        /** A complete body at once. */
        record Body(int status, String contentType, String body, Map<String, String> headers) implements Reply {
        }

        /** A 200 stream written chunk by chunk; {@code holdAtEnd} keeps the connection open before closing it. */
        record Stream(String contentType, List<String> chunks, Duration between, Duration holdAtEnd) implements Reply {

            public Stream withHoldAtEnd(Duration hold) {
                return new Stream(contentType, chunks, between, hold);
            }
        }

        /** Waits before answering (a slow first byte). */
        record Slow(Duration delay, Reply then) implements Reply {
        }
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
