package dev.lakehouse.chatd.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of one provider client: its own JDK {@link HttpClient} (never the peer clients,
 * which carry the internal token), its base URL and default headers (the key among them), and one
 * place that turns HTTP errors into classified {@link ProviderException}s with redacted messages.
 */
public final class UpstreamHttp {

    /** Largest non-streamed answer read; a provider sending more is broken. */
    static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final int MAX_ERROR_MESSAGE = 300;

    private final String provider;
    private final URI baseUrl;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;
    private final JsonMapper json;
    private final SecretRedactor redactor;

    public UpstreamHttp(String provider, ProviderSettings settings, Map<String, String> headers, JsonMapper json,
            SecretRedactor redactor) {
        this.provider = provider;
        String base = settings.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.headers = Map.copyOf(headers);
        this.timeout = settings.timeout();
        this.json = json;
        this.redactor = redactor;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                // Plain-http providers (a local Ollama) get HTTP/1.1 without an h2c upgrade attempt.
                .version("https".equals(baseUrl.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
    }

    public String provider() {
        return provider;
    }

    public JsonMapper json() {
        return json;
    }

    public URI resolve(String path) {
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /**
     * POSTs a JSON body and reads the whole JSON answer inside the HTTP call, so interrupting the
     * calling thread (the call's deadline does) cancels the exchange.
     */
    public Answer postForJson(String path, Object body) throws ProviderException {
        HttpRequest.Builder request = jsonPost(path, body, "application/json");
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** POSTs a JSON body and returns the open stream when the status is 2xx; the caller reads and closes it. */
    public HttpResponse<InputStream> postForStream(String path, Object body, String accept) throws ProviderException {
        return send(jsonPost(path, body, accept), HttpResponse.BodyHandlers.ofInputStream());
    }

    public JsonNode getJson(String path) throws ProviderException {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).timeout(timeout)
                .header("Accept", "application/json").GET();
        return parse(send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /** A provider's complete JSON answer. */
    public record Answer(int status, JsonNode body) {
    }

    private HttpRequest.Builder jsonPost(String path, Object body, String accept) {
        return HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws ProviderException {
        headers.forEach(request::header);
        HttpResponse<T> response;
        try {
            response = client.send(request.build(), handler);
        } catch (HttpConnectTimeoutException e) {
            throw ProviderException.connect(provider, "connect timed out");
        } catch (HttpTimeoutException e) {
            throw ProviderException.timeout(provider, "no response headers within " + timeout.toSeconds() + "s");
        } catch (ConnectException e) {
            throw ProviderException.connect(provider, "connection refused");
        } catch (IOException e) {
            throw ProviderException.connect(provider, redactor.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.timeout(provider, "call abandoned");
        }
        if (response.statusCode() >= 300) {
            throw failure(response);
        }
        return response;
    }

    private JsonNode parse(byte[] bytes) throws ProviderException {
        if (bytes.length > MAX_RESPONSE_BYTES) {
            throw ProviderException.protocol(provider, "answer larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw ProviderException.protocol(provider, "answer is not JSON");
        }
    }

    private ProviderException failure(HttpResponse<?> response) {
        String detail = switch (response.body()) {
            case byte[] bytes -> errorMessage(new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BYTES),
                    StandardCharsets.UTF_8));
            case InputStream in -> {
                try (in) {
                    yield errorMessage(new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    yield "";
                }
            }
            default -> "";
        };
        return ProviderException.fromStatus(provider, response.statusCode(), retryAfter(response), detail);
    }

    /** The provider's own error message, from whichever error shape it uses, redacted and shortened. */
    private String errorMessage(String body) {
        String message = body;
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node.path("error");
            if (error.isString()) {
                message = error.asString();
            } else if (error.path("message").isString()) {
                message = error.path("message").asString();
            } else if (node.path("message").isString()) {
                message = node.path("message").asString();
            }
        } catch (JacksonException e) {
            // not JSON: keep the text
        }
        String clean = redactor.redact(message.replaceAll("\\s+", " ").strip());
        return clean.length() <= MAX_ERROR_MESSAGE ? clean : clean.substring(0, MAX_ERROR_MESSAGE) + "...";
    }

    /** RFC 9110 10.2.3: delay-seconds or an HTTP-date; OpenAI also sends {@code retry-after-ms}. */
    static @Nullable Duration retryAfter(HttpResponse<?> response) {
        var millis = response.headers().firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Duration.ofMillis((long) Double.parseDouble(millis.get().strip()));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").map(UpstreamHttp::parseRetryAfter).orElse(null);
    }

    static @Nullable Duration parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(Instant.now(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
