package dev.lakehouse.deploy.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls with JSON bodies, as a client or a peer daemon makes them. */
public final class Http {

    public static final String INTERNAL_TOKEN_HEADER = "X-Lakehouse-Internal-Token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final @Nullable String internalToken;
    private final @Nullable String apiKey;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The base URL calls are made against. */
    public URI base() {
        return base;
    }

    private Http(URI base, @Nullable String internalToken, @Nullable String apiKey) {
        this.base = base;
        this.internalToken = internalToken;
        this.apiKey = apiKey;
    }

    /** Calls a daemon directly, as a peer does: with the internal token. */
    public static Http asPeer(URI base, String internalToken) {
        return new Http(base, internalToken, null);
    }

    /** Calls the gateway, as a client does: with an API key (or none). */
    public static Http asClient(URI base, @Nullable String apiKey) {
        return new Http(base, null, apiKey);
    }

    /** A response: its status and its body, parsed when it is JSON. */
    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public static String toJson(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (internalToken != null) {
            builder.header(INTERNAL_TOKEN_HEADER, internalToken);
        }
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
