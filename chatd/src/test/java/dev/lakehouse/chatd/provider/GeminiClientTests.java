package dev.lakehouse.chatd.provider;

import static dev.lakehouse.chatd.provider.OpenAiClientTests.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakehouse.chatd.fakes.Clients;
import dev.lakehouse.chatd.fakes.FakeServer;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import dev.lakehouse.schemas.observation.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiClientTests {

    private static final String KEY = "AIzaSyTest0123456789abcdefghijklmnop";
    private static final FakeServer GEMINI = FakeServer.start(request -> Wire.geminiAnswer("hi", 3, 1));

    private final ProviderClient client = Clients.create("gemini", GEMINI.url(), KEY);

    @BeforeEach
    void reset() {
        GEMINI.reset(request -> Wire.geminiAnswer("hi", 3, 1));
    }

    @AfterAll
    static void stop() {
        GEMINI.close();
    }

    @Test
    void generateContentPutsTheKeyInAHeaderNeverInTheUrl() throws Exception {
        GEMINI.enqueue(Wire.geminiAnswer("Paris.", 12, 2));

        ProviderReply reply = client.complete(Clients.request("gemini-2.0-flash", "Be brief.", "Capital of France?"));

        assertThat(reply.content()).isEqualTo("Paris.");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(Usage.of(12, 2, false));
        FakeServer.Recorded sent = GEMINI.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(sent.query()).isNull();
        assertThat(sent.headers()).containsEntry("x-goog-api-key", KEY);
        assertThat(sent.json().path("systemInstruction").path("parts").get(0).path("text").asString()).isEqualTo("Be brief.");
        assertThat(sent.json().path("contents").get(0).path("role").asString()).isEqualTo("user");
        assertThat(sent.json().path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(100);
    }

    @Test
    void streamEndsCleanlyAfterTheChunkWithFinishReasonAndReadsUsageMetadata() throws Exception {
        GEMINI.enqueue(Wire.geminiStream("Hel", "lo"));

        List<StreamEvent> events = drain(client.stream(Clients.request("gemini-2.0-flash", "s", "u")));

        assertThat(GEMINI.lastRequest().path()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(GEMINI.lastRequest().query()).isEqualTo("alt=sse");
        assertThat(events).extracting(StreamEvent::text).containsSubsequence("Hel", "lo");
        assertThat(events).extracting(StreamEvent::finishReason).contains("stop");
        assertThat(events).extracting(StreamEvent::usage).contains(Usage.of(9, 2, false));
    }

    @Test
    void aStreamEndingBeforeAnyFinishReasonIsCut() throws Exception {
        GEMINI.enqueue(Reply.sse(Wire.geminiChunks(List.of("Hel", "lo"), false)));
        UpstreamStream stream = client.stream(Clients.request("gemini-2.0-flash", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
    }

    @Test
    void resourceExhaustedIsRateLimitingWithItsRetryAfter() {
        GEMINI.enqueue(Reply.json(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                Map.of("Retry-After", "3")));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("gemini-2.0-flash", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void errorsAreClassifiedByStatus() {
        GEMINI.enqueue(Wire.geminiError(400, "INVALID_ARGUMENT", "Invalid value at 'contents'"),
                Wire.geminiError(403, "PERMISSION_DENIED", "API key not valid"), Wire.geminiError(500, "INTERNAL", "oops"));

        List<ProviderException.Kind> kinds = java.util.stream.IntStream.range(0, 3).mapToObj(i -> catchThrowableOfType(
                ProviderException.class, () -> client.complete(Clients.request("g", "s", "u"))).kind()).toList();

        assertThat(kinds).containsExactly(ProviderException.Kind.CLIENT_ERROR, ProviderException.Kind.AUTH,
                ProviderException.Kind.SERVER_ERROR);
    }

    @Test
    void aSlowFirstByteBeyondTheHeadersTimeoutIsATimeout() {
        ProviderClient impatient = Clients.create("gemini", GEMINI.url(), KEY, Map.of(), Duration.ofSeconds(5),
                Duration.ofMillis(300));
        GEMINI.enqueue(Reply.slow(Duration.ofSeconds(2), Wire.geminiAnswer("late", 1, 1)));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> impatient.complete(Clients.request("g", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
    }
}
