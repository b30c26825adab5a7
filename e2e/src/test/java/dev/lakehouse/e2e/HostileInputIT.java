package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input on every public route, through the gateway of the real suite: invalid JSON,
 * wrong types, huge numbers, deep nesting, odd Unicode (and bytes that are not UTF-8),
 * oversized bodies, missing and duplicate fields, odd path segments. Input that cannot be
 * valid (malformed JSON, nesting past the limit, bodies past the limit) must get a 4xx; input
 * that may happen to be valid (a wrong type that some field accepts, odd but well-formed
 * Unicode) must get anything but a 5xx — except the 502/503/504 of an embedding or chat
 * request that was accepted as valid and sent to a model provider that is down, since the suite
 * runs without one (that is the documented answer for a valid request, not a failure to handle
 * input). Every answer must come within a bounded time: a hang fails the try.
 */
class HostileInputIT {

    /** Longest any answer may take; the slowest honest answer (an embedding of a long text) is far below. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Route(String method, String path, List<String> fields) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/embeddings", List.of("input", "model", "encoding_format", "dimensions", "user")),
            new Route("POST", "/api/embed", List.of("model", "input", "truncate", "options", "keep_alive")),
            new Route("POST", "/v1/chat/completions", List.of("model", "messages", "stream", "temperature", "max_tokens", "lakehouse")),
            new Route("POST", "/api/chat", List.of("model", "messages", "stream", "options", "format")),
            new Route("POST", "/v1/messages", List.of("model", "messages", "max_tokens", "system", "stream")),
            new Route("PUT", "/v1/collections/fuzz_target", List.of("dimension", "metric", "quantization", "embedModel", "fromSnapshot")),
            new Route("POST", "/v1/collections/fuzz_target/points", List.of("points", "wait")),
            new Route("POST", "/v1/collections/fuzz_target/points/delete", List.of("ids", "filter", "wait")),
            new Route("POST", "/v1/collections/fuzz_target/search", List.of("vector", "text", "k", "filter", "withPayload")),
            new Route("POST", "/v1/collections/fuzz_target/search/batch", List.of("searches")),
            new Route("POST", "/v1/validate", List.of("validator", "contract", "value", "source", "options")),
            new Route("POST", "/v1/validate/batch", List.of("items", "validator", "contract")),
            new Route("POST", "/v1/materializations", List.of("recipe", "name", "from", "to", "options")),
            new Route("POST", "/v1/replays", List.of("source", "target", "model", "limit", "role")));

    /** Read-only routes whose path takes a name from the client. */
    static final List<String> NAMED_PATHS = List.of("/v1/collections/", "/v1/models/", "/v1/datasets/", "/v1/replays/",
            "/v1/materializations/", "/v1/collections/fuzz_target/points/");

    /** Largest body per route group (docs/limits.md); one byte more is refused. */
    static final Map<String, Integer> BODY_LIMITS = Map.of("/v1/embeddings", 8 << 20, "/api/embed", 8 << 20,
            "/v1/chat/completions", 16 << 20, "/v1/validate", 4 << 20, "/v1/materializations", 1 << 20,
            "/v1/replays", 1 << 20, "/v1/collections/fuzz_target/points", 16 << 20);

    private static Suite suite;

    @BeforeContainer
    static void suite() {
        suite = SharedSuite.get();
    }

    @Property(tries = 60)
    void invalidJsonIsA4xx(@ForAll("routes") Route route, @ForAll("invalidJson") String body) {
        assertClientError(route, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 60)
    void wrongTypesAreNeverA5xx(@ForAll("wrongTypes") Map.Entry<Route, String> routeAndBody) {
        assertNeverServerError(routeAndBody.getKey(), routeAndBody.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 40)
    void hugeNumbersAreNeverA5xx(@ForAll("routes") Route route, @ForAll("hugeNumbers") String number,
            @ForAll("fieldIndex") int field) {
        String body = "{\"" + route.fields().get(field % route.fields().size()) + "\": " + number + "}";
        assertNeverServerError(route, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 30)
    void deepNestingIsA4xx(@ForAll("routes") Route route, @ForAll("depths") int depth, @ForAll boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String body = "{\"" + route.fields().getFirst() + "\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        assertClientError(route, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 60)
    void oddUnicodeIsNeverA5xx(@ForAll("routes") Route route, @ForAll("oddStrings") String odd, @ForAll("fieldIndex") int field) {
        String body = "{\"" + route.fields().get(field % route.fields().size()) + "\": \"" + odd + "\", \"" + odd + "\": 1}";
        assertNeverServerError(route, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void bytesThatAreNotUtf8AreNeverA5xx(@ForAll("routes") Route route, @ForAll("invalidUtf8") byte[] bad) {
        byte[] start = ("{\"" + route.fields().getFirst() + "\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bad.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        System.arraycopy(end, 0, body, start.length + bad.length, end.length);
        assertNeverServerError(route, body);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void missingAndDuplicateFieldsAreNeverA5xx(@ForAll("routes") Route route, @ForAll boolean duplicate) {
        String field = route.fields().getFirst();
        String body = duplicate ? "{\"" + field + "\": \"a\", \"" + field + "\": 1, \"" + field + "\": null}" : "{}";
        assertNeverServerError(route, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void oversizedBodiesAre413(@ForAll("limitedRoutes") String path) {
        Route route = ROUTES.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
        byte[] body = new byte[BODY_LIMITS.get(path) + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = send(route, body);

        assertThat(response.statusCode()).as("%s with %d bytes", route, body.length).isEqualTo(413);
    }

    @Property(tries = 40)
    void oddNamesInPathsAreNeverA5xx(@ForAll("namedPaths") String prefix, @ForAll("oddPathSegments") String segment) {
        URI uri = URI.create(suite.gateway() + prefix + URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));

        HttpResponse<String> response = exchange(HttpRequest.newBuilder(uri).GET(), "GET " + uri);

        assertThat(response.statusCode()).as("GET %s answered %s", uri, response.body()).isLessThan(500);
    }

    private static void assertClientError(Route route, byte[] body) {
        HttpResponse<String> response = send(route, body);
        assertThat(response.statusCode()).as(describe(route, body, response)).isBetween(400, 499);
    }

    private static void assertNeverServerError(Route route, byte[] body) {
        HttpResponse<String> response = send(route, body);
        if (!providerDown(route, response)) {
            assertThat(response.statusCode()).as(describe(route, body, response)).isLessThan(500);
        }
    }

    /** A valid embedding or chat request whose model provider (Ollama, a hosted API) is down: no provider runs here. */
    private static boolean providerDown(Route route, HttpResponse<String> response) {
        boolean modelRoute = route.path().equals("/v1/embeddings") || route.path().equals("/api/embed")
                || route.path().equals("/v1/chat/completions") || route.path().equals("/api/chat")
                || route.path().equals("/v1/messages");
        String body = response.body().toLowerCase(java.util.Locale.ROOT);
        return modelRoute && List.of(502, 503, 504).contains(response.statusCode())
                && (body.contains("ollama") || body.contains("provider") || body.contains("backend_unavailable"));
    }

    private static HttpResponse<String> send(Route route, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.gateway().resolve(route.path()))
                .header("Content-Type", "application/json")
                // The body waits for the gateway's go-ahead, so an oversized one is refused before it is sent.
                .expectContinue(body.length > 1 << 20)
                .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        return exchange(request, route.toString());
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request, String what) {
        try {
            return CLIENT.send(request.timeout(BOUND).header("Authorization", "Bearer " + Suite.TEST_API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError(what + " did not answer within " + BOUND, e);
        } catch (IOException e) {
            throw new AssertionError(what + " failed at the connection: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Route route, byte[] body, HttpResponse<String> response) {
        String shown = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return route + " with " + body.length + " bytes [" + shown + (body.length > 300 ? "..." : "") + "] answered "
                + response.statusCode() + " " + response.body().substring(0, Math.min(500, response.body().length()));
    }

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(ROUTES);
    }

    @Provide
    Arbitrary<String> limitedRoutes() {
        return Arbitraries.of(BODY_LIMITS.keySet().stream().sorted().toList());
    }

    @Provide
    Arbitrary<String> namedPaths() {
        return Arbitraries.of(NAMED_PATHS);
    }

    @Provide
    Arbitrary<Integer> fieldIndex() {
        return Arbitraries.integers().between(0, 20);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(101, 20_000);
    }

    @Provide
    Arbitrary<String> invalidJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "{", "[", "}", "{\"a\":}", "{\"a\" 1}", "{'a': 1}", "{\"a\": tru}", "[1,2,",
                        "{\"a\": 1}}", "{\"a\": 1} trailing", "nul", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": NaN}",
                        "{\"a\": \"unterminated}", "\uFEFF{\"a\": 1", "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}"),
                Arbitraries.strings().all().ofMaxLength(200).filter(s -> !s.isBlank() && !looksLikeJson(s)));
    }

    @Provide
    Arbitrary<Map.Entry<Route, String>> wrongTypes() {
        Arbitrary<String> values = Arbitraries.of("123", "-1", "0", "1.5", "true", "false", "null", "[]", "[1, \"a\", null]",
                "{}", "{\"nested\": {\"x\": []}}", "\"\"", "\"text\"", "[[[]]]", "[{}]", "-0.0", "1e-320");
        return Combinators.combine(Arbitraries.of(ROUTES), values.list().ofMinSize(1).ofMaxSize(6))
                .as((route, picked) -> {
                    StringBuilder body = new StringBuilder("{");
                    for (int i = 0; i < picked.size(); i++) {
                        body.append(i == 0 ? "" : ", ").append('"').append(route.fields().get(i % route.fields().size()))
                                .append("\": ").append(picked.get(i));
                    }
                    return Map.entry(route, body.append('}').toString());
                });
    }

    @Provide
    Arbitrary<String> hugeNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809",
                        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                        "4294967296", "2147483648", "1E999999999", "123456789012345678901234567890.123456789"),
                Arbitraries.integers().between(20, 20_000).map("9"::repeat));
    }

    @Provide
    Arbitrary<String> oddStrings() {
        Arbitrary<String> pieces = Arbitraries.of("\\u0000", "\\ud800", "\\udfff", "\\ud83d", "\\ufffe", "\\uffff", "\\u202e",
                "\\u200b", "\\ufeff", "\\u0301\\u0301\\u0301", "\\\\", "\\\"", "\\n\\r\\t", "\u00e9\u0301", "\ud83d\ude00",
                "\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "\u0000".replace("\u0000", "\\u0000"), "\u202eevil", "\u4e2d\u6587",
                "\u0645\u0631\u062d\u0628\u0627", "{{x}}", "%00", "../../etc/passwd", "<script>", "' OR 1=1 --");
        return pieces.list().ofMinSize(1).ofMaxSize(30).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80});
    }

    @Provide
    Arbitrary<String> oddPathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", ".", "%", "a/b", "a\\b", "\u0000", "\ud83d\ude00", "x".repeat(3000), " ", "con", "a?b=c",
                        "a#b", "\u202e", "~", "-", "__proto__"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64));
    }

    private static boolean looksLikeJson(String text) {
        try {
            dev.lakehouse.e2e.support.Http.JSON.readTree(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
