package dev.lakehouse.embedd.ollama;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client of Ollama's HTTP API (shaped like Spring AI's {@code OllamaApi}): its own
 * base URL, pooled keep-alive connections (the JDK client reuses HTTP/1.1 connections),
 * timeouts, one status handler, and Resilience4j retry around a circuit breaker. It is an
 * external provider, so it is built from a clone of the builder and never sees the internal token.
 */
public class OllamaClient {

    private static final JsonMapper ERRORS = JsonMapper.builder().build();

    private final URI baseUrl;
    private final RestClient calls;
    private final RestClient probes;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Duration openStateWait;

    public OllamaClient(RestClient.Builder builder, OllamaProperties properties, OllamaResilience resilience) {
        this.baseUrl = properties.baseUrl();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.calls = build(builder, http, properties.readTimeout());
        this.probes = build(builder, http, properties.healthTimeout());
        this.breaker = resilience.circuitBreaker();
        this.retry = resilience.retry();
        this.openStateWait = properties.circuitBreaker().waitDurationInOpenState();
    }

    private RestClient build(RestClient.Builder builder, HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw error(response);
                })
                .build();
    }

    /** {@code POST /api/embed}, retried and guarded by the circuit breaker. */
    public OllamaWire.EmbedResponse embed(OllamaWire.EmbedRequest request) {
        return guarded(true, () -> calls.post().uri("/api/embed").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(OllamaWire.EmbedResponse.class));
    }

    /** {@code GET /api/tags}: the models Ollama has. Guarded, not retried: a listing can wait for the next call. */
    public OllamaWire.Tags tags() {
        return guarded(false, () -> probes.get().uri("/api/tags").retrieve().body(OllamaWire.Tags.class));
    }

    /** {@code POST /api/show}: a model's capabilities and metadata. */
    public OllamaWire.Show show(String model) {
        return guarded(false, () -> probes.post().uri("/api/show").contentType(MediaType.APPLICATION_JSON)
                .body(new OllamaWire.ShowRequest(model)).retrieve().body(OllamaWire.Show.class));
    }

    /** {@code GET /api/version}, for health: never retried, and not counted by the breaker. */
    public OllamaWire.Version version() {
        return unguarded(() -> probes.get().uri("/api/version").retrieve().body(OllamaWire.Version.class));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private <T> T guarded(boolean retried, Supplier<T> call) {
        Supplier<T> protectedCall = CircuitBreaker.decorateSupplier(breaker, () -> unguarded(call));
        Supplier<T> attempt = retried ? Retry.decorateSupplier(retry, protectedCall) : protectedCall;
        try {
            return attempt.get();
        } catch (CallNotPermittedException e) {
            throw OllamaUnreachableException.circuitOpen(baseUrl, openStateWait);
        }
    }

    private <T> T unguarded(Supplier<T> call) {
        try {
            T body = call.get();
            if (body == null) {
                throw new OllamaResponseException(200, "empty answer", null);
            }
            return body;
        } catch (ResourceAccessException e) {
            throw OllamaUnreachableException.from(baseUrl, e);
        }
    }

    private static OllamaResponseException error(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = new String(response.getBody().readNBytes(16 * 1024), StandardCharsets.UTF_8);
        return new OllamaResponseException(status, messageOf(body, status),
                OllamaResponseException.parseRetryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
    }

    private static String messageOf(String body, int status) {
        try {
            String message = ERRORS.readValue(body, OllamaWire.Error.class).error();
            if (message != null && !message.isBlank()) {
                return message;
            }
        } catch (JacksonException notOllamasErrorShape) {
            // a proxy in front of Ollama may answer in its own format
        }
        return body.isBlank() ? "HTTP " + status : body.strip();
    }
}
