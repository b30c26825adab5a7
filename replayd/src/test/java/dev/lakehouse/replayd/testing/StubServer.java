package dev.lakehouse.replayd.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * A local HTTP server standing in for a peer's wire API in client tests: answers each request
 * with the next queued answer (the last one repeats) and records what it was sent.
 */
public final class StubServer implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Function<Request, Answer>> answers = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public StubServer answer(int status, String json, String... headers) {
        return answer(request -> new Answer(status, json, headers));
    }

    public StubServer answer(Function<Request, Answer> answer) {
        answers.add(answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A declarative client of this server, built as Spring builds one, without the chassis. */
    public <T> T client(Class<T> type) {
        RestClient rest = RestClient.builder().baseUrl(url()).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(type);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Function<Request, Answer> next = answers.size() > 1 ? answers.pollFirst() : answers.peekFirst();
        Answer answer = next == null ? new Answer(500, "{}") : next.apply(request);
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        for (int i = 0; i + 1 < answer.headers().length; i += 2) {
            exchange.getResponseHeaders().set(answer.headers()[i], answer.headers()[i + 1]);
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What a client sent; header names as the JDK server normalises them (first letter upper case). */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {

        public @org.jspecify.annotations.Nullable String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    public record Answer(int status, String json, String... headers) {
    }
}
