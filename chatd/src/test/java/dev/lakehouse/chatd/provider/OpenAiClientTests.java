package dev.lakehouse.chatd.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lakehouse.chatd.fakes.Clients;
import dev.lakehouse.chatd.fakes.FakeServer;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTests {

    private static final String KEY = "sk-test-openai-0123456789abcdef";
    private static final FakeServer OPENAI = FakeServer.start(request -> Wire.openAiAnswer("hello", 5, 1));

    private final ProviderClient client = Clients.create("openai", OPENAI.url() + "/v1", KEY);

    @BeforeEach
    void reset() {
        OPENAI.reset(request -> Wire.openAiAnswer("hello", 5, 1));
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @Test
    void completeSendsTheChatCompletionsRequestWithTheKeyAndReadsContentAndUsage() throws Exception {
        OPENAI.enqueue(Wire.openAiAnswer("Paris.", 21, 2));

        ProviderReply reply = client.complete(Clients.request("gpt-4o-mini", "Be brief.", "Capital of France?"));

        assertThat(reply.content()).isEqualTo("Paris.");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(dev.lakehouse.schemas.observation.Usage.of(21, 2, false));
        FakeServer.Recorded sent = OPENAI.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.headers()).containsEntry("authorization", "Bearer " + KEY);
        assertThat(sent.json().path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.json().path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(100);
        assertThat(sent.json().path("stop").get(0).asString()).isEqualTo("END");
        assertThat(sent.json().has("stream")).isFalse();
    }

    @Test
    void streamReadsDeltasAndTheUsageChunkAndEndsAtDone() throws Exception {
        OPENAI.enqueue(Wire.openAiStream("Hel", "lo"));

        List<StreamEvent> events = drain(client.stream(Clients.request("gpt-4o-mini", "s", "u")));

        assertThat(events).extracting(StreamEvent::text).containsSubsequence("Hel", "lo");
        assertThat(events).extracting(StreamEvent::finishReason).contains("stop");
        assertThat(events).extracting(StreamEvent::usage).anySatisfy(usage ->
                assertThat(usage).isEqualTo(dev.lakehouse.schemas.observation.Usage.of(11, 2, false)));
        assertThat(OPENAI.lastRequest().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aStreamCutBeforeDoneIsAStreamCutNeverACleanEnd() throws Exception {
        OPENAI.enqueue(Reply.sse(Wire.openAiChunks(List.of("Hel", "lo"), false)));
        UpstreamStream stream = client.stream(Clients.request("gpt-4o-mini", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anErrorObjectInsideTheStreamFailsIt() throws Exception {
        List<String> events = new ArrayList<>(Wire.openAiChunks(List.of("Hel"), false));
        events.add("data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n");
        OPENAI.enqueue(Reply.sse(events));
        UpstreamStream stream = client.stream(Clients.request("gpt-4o-mini", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
    }

    @Test
    void a400IsTheRequestsOwnErrorReturnedAndNotRetried() {
        OPENAI.enqueue(Wire.openAiError(400, "invalid_request_error", "max_tokens is too large: 999999."));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("gpt-4o-mini", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.CLIENT_ERROR);
        assertThat(failure.returnedToClient()).isTrue();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("max_tokens is too large");
    }

    @Test
    void a401MeansOurKeyIsBadAndTheMessageNeverCarriesTheKey() {
        OPENAI.enqueue(Wire.openAiError(401, "invalid_request_error", "Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys."));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("gpt-4o-mini", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.AUTH);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.providerFault()).isTrue();
        assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain("0123456789abcdef").contains("[redacted]");
    }

    @Test
    void a429CarriesItsRetryAfter() {
        OPENAI.enqueue(Wire.openAiError(429, "requests", "Rate limit reached", Map.of("Retry-After", "7")));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("gpt-4o-mini", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void a500IsARetryableServerError() {
        OPENAI.enqueue(Wire.openAiError(500, "server_error", "The server had an error while processing your request."));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("gpt-4o-mini", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aStreamThatFallsSilentLongerThanTheIdleTimeoutIsATimeout() throws Exception {
        ProviderClient impatient = Clients.create("openai", OPENAI.url() + "/v1", KEY, Map.of(), Duration.ofMillis(200));
        OPENAI.enqueue(((Reply.Stream) Reply.sse(Wire.openAiChunks(List.of("Hel"), false))).withHoldAtEnd(Duration.ofSeconds(3)));
        UpstreamStream stream = impatient.stream(Clients.request("gpt-4o-mini", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
    }

    @Test
    void answersOneAfterAnotherGoOverOnePooledConnection() throws Exception {
        client.complete(Clients.request("gpt-4o-mini", "s", "u"));
        client.complete(Clients.request("gpt-4o-mini", "s", "u"));
        client.complete(Clients.request("gpt-4o-mini", "s", "u"));

        assertThat(OPENAI.requests()).extracting(FakeServer.Recorded::clientPort).containsOnly(OPENAI.requests().getFirst().clientPort());
    }

    @Test
    void closingAStreamBeforeItsEndDropsTheConnectionInsteadOfReadingTheRest() throws Exception {
        OPENAI.enqueue(((Reply.Stream) Reply.sse(Wire.openAiChunks(List.of("Hel"), false))).withHoldAtEnd(Duration.ofSeconds(60)));
        UpstreamStream stream = client.stream(Clients.request("gpt-4o-mini", "s", "u"));
        assertThat(stream.next()).isNotNull();

        assertTimeoutPreemptively(Duration.ofSeconds(10), stream::close, "close waited for the provider to finish its stream");
        client.complete(Clients.request("gpt-4o-mini", "s", "u"));
        List<FakeServer.Recorded> requests = OPENAI.requests();
        assertThat(requests.getLast().clientPort()).isNotEqualTo(requests.getFirst().clientPort());
    }

    @Test
    void unknownFieldsAndToolsPassThroughToOpenAiCompatibleProviders() throws Exception {
        OPENAI.enqueue(Wire.openAiToolCall("get_weather", "{\"city\":\"Oslo\"}"));
        var passthrough = Clients.JSON.createObjectNode();
        passthrough.putObject("response_format").put("type", "json_object");
        passthrough.put("tool_choice", "auto");
        passthrough.put("model", "must-not-override");
        var tools = Clients.JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{}}}]");
        ProviderRequest request = new ProviderRequest("gpt-4o-mini", Clients.request("x", "s", "u").messages(),
                Clients.request("x", "s", "u").params(), tools, passthrough);

        ProviderReply reply = client.complete(request);

        assertThat(reply.finishReason()).isEqualTo("tool_calls");
        assertThat(reply.toolCalls().get(0).path("function").path("name").asString()).isEqualTo("get_weather");
        var sent = OPENAI.lastRequest().json();
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.path("tool_choice").asString()).isEqualTo("auto");
        assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
        assertThat(sent.path("tools").get(0).path("function").path("name").asString()).isEqualTo("get_weather");
    }

    @Test
    void openRouterSpeaksTheSameFormatWithItsAttributionHeaders() throws Exception {
        ProviderClient openRouter = Clients.create("openrouter", OPENAI.url() + "/api/v1", "sk-or-v1-test0123456789",
                Map.of("X-Title", "Lakehouse"), Duration.ofSeconds(5));
        OPENAI.enqueue(Wire.openAiStream("ok"));

        List<StreamEvent> events = drain(openRouter.stream(Clients.request("meta-llama/llama-3.1-8b-instruct", "s", "u")));

        assertThat(events).extracting(StreamEvent::text).contains("ok");
        FakeServer.Recorded sent = OPENAI.lastRequest();
        assertThat(sent.path()).isEqualTo("/api/v1/chat/completions");
        assertThat(sent.headers()).containsEntry("x-title", "Lakehouse")
                .containsEntry("authorization", "Bearer sk-or-v1-test0123456789");
        assertThat(sent.json().path("model").asString()).isEqualTo("meta-llama/llama-3.1-8b-instruct");
    }

    static List<StreamEvent> drain(UpstreamStream stream) throws ProviderException {
        List<StreamEvent> events = new ArrayList<>();
        StreamEvent event;
        while ((event = stream.next()) != null) {
            events.add(event);
        }
        return events;
    }
}
