package dev.lakehouse.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls for the end-to-end tests, as a client outside the suite makes them. Calls
 * carry the suite's all-access key ({@code Authorization: Bearer} {@link Suite#TEST_API_KEY})
 * unless the caller passes its own {@code Authorization} or {@code x-api-key} header; the
 * {@code ...WithoutKey} variants send none.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        return send(request(uri, withKey(headers)).GET());
    }

    public static HttpResponse<String> post(URI uri, String json, String... headers) {
        return send(request(uri, withKey(headers)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET with no API key at all, as an anonymous client sends it. */
    public static HttpResponse<String> getWithoutKey(URI uri, String... headers) {
        return send(request(uri, headers).GET());
    }

    /** A POST with no API key at all, as an anonymous client sends it. */
    public static HttpResponse<String> postWithoutKey(URI uri, String json, String... headers) {
        return send(request(uri, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String[] withKey(String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization") || headers[i].equalsIgnoreCase("x-api-key")) {
                return headers;
            }
        }
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + Suite.TEST_API_KEY;
        return all;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
