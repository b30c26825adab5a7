package dev.lakehouse.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for one daemon behind the gateway: it answers health, info
 * and metrics like a chassis daemon, echoes everything else, records what it was sent, and
 * lets a test replace the answer of a path.
 */
public final class FakeDaemon {

    /** What the daemon received. */
    public record Seen(String method, String path, Headers headers, long bodyBytes) {
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final String name;
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> overrides = new ConcurrentHashMap<>();

    private FakeDaemon(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeDaemon start(String name) {
        return new FakeDaemon(name);
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public void on(String path, Handler handler) {
        overrides.put(path, handler);
    }

    public void reset() {
        overrides.clear();
        seen.clear();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public Seen last() {
        return seen.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bytes = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), bytes));
        Handler override = overrides.get(path);
        if (override != null) {
            override.handle(exchange);
            return;
        }
        switch (path) {
            case "/actuator/health" -> respond(exchange, 200, "application/json",
                    "{\"status\":\"UP\",\"components\":{\"ping\":{\"status\":\"UP\"}}}");
            case "/actuator/info" -> respond(exchange, 200, "application/json",
                    "{\"build\":{\"version\":\"1.2.3-" + name + "\"},\"git\":{\"commit\":{\"id\":\"abc1234\"}}}");
            case "/actuator/prometheus" -> respond(exchange, 200, "text/plain; version=0.0.4", metrics());
            default -> respond(exchange, 200, "application/json", "{\"ok\":true,\"daemon\":\"" + name + "\"}");
        }
    }

    private String metrics() {
        return """
                # TYPE process_uptime_seconds gauge
                process_uptime_seconds{application="%1$s"} 125.0
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{application="%1$s",method="POST",outcome="SUCCESS",status="200",uri="/v1/x",le="0.001"} 50
                http_server_requests_seconds_bucket{application="%1$s",method="POST",outcome="SUCCESS",status="200",uri="/v1/x",le="0.01"} 90
                http_server_requests_seconds_bucket{application="%1$s",method="POST",outcome="SUCCESS",status="200",uri="/v1/x",le="+Inf"} 100
                http_server_requests_seconds_count{application="%1$s",method="POST",outcome="SUCCESS",status="200",uri="/v1/x"} 100
                http_server_requests_seconds_count{application="%1$s",method="POST",outcome="SERVER_ERROR",status="503",uri="/v1/x"} 0
                http_server_requests_seconds_count{application="%1$s",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 999
                # TYPE resilience4j_circuitbreaker_state gauge
                resilience4j_circuitbreaker_state{name="%1$s-backend",state="closed"} 1.0
                resilience4j_circuitbreaker_state{name="%1$s-backend",state="open"} 0.0
                """.formatted(name);
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
