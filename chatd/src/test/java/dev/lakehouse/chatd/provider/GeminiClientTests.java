package dev.lakehouse.chatd.provider;

import static dev.lakehouse.chatd.provider.OpenAiClientTests.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakehouse.chatd.chat.Message;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GeminiClientTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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

    @Test
    void toolsToolChoiceAndAToolRoundTripAreSentInGeminisShape() throws Exception {
        JsonNode tools = JSON.readTree("""
                [{"type":"function","function":{"name":"get_weather","description":"Weather of a city",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"additionalProperties":false}}},
                 {"type":"function","function":{"name":"now"}}]""");
        ObjectNode passthrough = (ObjectNode) JSON.readTree(
                "{\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},\"parallel_tool_calls\":false}");
        JsonNode calls = JSON.readTree("""
                [{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},
                 {"id":"call_2","type":"function","function":{"name":"now","arguments":"{}"}}]""");
        List<Message> conversation = List.of(Message.of("system", "Be brief."), Message.of("user", "Weather in Oslo?"),
                new Message("assistant", "", null, null, calls),
                new Message("tool", "{\"temperature\":12,\"sky\":\"rain\"}", null, "call_1", null),
                new Message("tool", "14:05", null, "call_2", null));

        client.complete(new ProviderRequest("gemini-2.0-flash", conversation, Clients.request("g", "s", "u").params(),
                tools, passthrough));

        JsonNode sent = GEMINI.lastRequest().json();
        JsonNode declarations = sent.path("tools").get(0).path("functionDeclarations");
        assertThat(declarations.get(0).path("name").asString()).isEqualTo("get_weather");
        assertThat(declarations.get(0).path("parametersJsonSchema").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(declarations.get(1).has("parametersJsonSchema")).isFalse();
        assertThat(sent.path("toolConfig")).isEqualTo(JSON.readTree(
                "{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_weather\"]}}"));
        JsonNode contents = sent.path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(1).path("role").asString()).isEqualTo("model");
        assertThat(contents.get(1).path("parts").get(0).path("functionCall").path("args").path("city").asString())
                .isEqualTo("Oslo");
        JsonNode responses = contents.get(2).path("parts");
        assertThat(contents.get(2).path("role").asString()).isEqualTo("user");
        assertThat(responses.get(0).path("functionResponse").path("name").asString()).isEqualTo("get_weather");
        assertThat(responses.get(0).path("functionResponse").path("response").path("temperature").asInt()).isEqualTo(12);
        assertThat(responses.get(1).path("functionResponse").path("name").asString()).isEqualTo("now");
        assertThat(responses.get(1).path("functionResponse").path("response").path("content").asString()).isEqualTo("14:05");
    }

    @Test
    void aFailedToolsOutputGoesUnderErrorInItsFunctionResponse() throws Exception {
        JsonNode calls = JSON.readTree("""
                [{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]""");
        List<Message> conversation = List.of(Message.of("user", "Weather?"), new Message("assistant", "", null, null, calls),
                new Message("tool", "station offline", null, "call_1", null, true));

        client.complete(new ProviderRequest("gemini-2.0-flash", conversation, Clients.request("g", "s", "u").params(),
                null, null));

        JsonNode response = GEMINI.lastRequest().json().path("contents").get(2).path("parts").get(0)
                .path("functionResponse").path("response");
        assertThat(response).isEqualTo(JSON.readTree("{\"error\":{\"content\":\"station offline\"}}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"required | ANY", "none | NONE", "auto | AUTO"})
    void openAisToolChoiceWordsAreGeminisModes(String openAi, String mode) throws Exception {
        client.complete(new ProviderRequest("gemini-2.0-flash", List.of(Message.of("user", "hi")),
                Clients.request("g", "s", "u").params(), JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"),
                (ObjectNode) JSON.readTree("{\"tool_choice\":\"" + openAi + "\"}")));

        assertThat(GEMINI.lastRequest().json().path("toolConfig").path("functionCallingConfig").path("mode").asString())
                .isEqualTo(mode);
    }

    @Test
    void aToolResultThatAnswersNoToolCallIsTheClientsError() throws Exception {
        ProviderRequest request = new ProviderRequest("gemini-2.0-flash", List.of(Message.of("user", "hi"),
                new Message("tool", "42", null, "call_unknown", null)), Clients.request("g", "s", "u").params(),
                JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"), null);

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> client.complete(request));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.CLIENT_ERROR);
        assertThat(failure.getMessage()).contains("call_unknown");
        assertThat(GEMINI.requests()).isEmpty();
    }

    @Test
    void aFunctionCallComesBackAsAnOpenAiToolCallWithAnIdOfItsOwn() throws Exception {
        GEMINI.enqueue(Wire.geminiFunctionCall("get_weather", "{\"city\":\"Oslo\"}"));

        ProviderReply reply = client.complete(Clients.request("gemini-2.0-flash", "s", "Weather in Oslo?"));

        assertThat(reply.finishReason()).isEqualTo("tool_calls");
        JsonNode call = reply.toolCalls().get(0);
        assertThat(call.path("id").asString()).startsWith("call_");
        assertThat(call.path("type").asString()).isEqualTo("function");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
    }

    @Test
    void aStreamedFunctionCallIsOneWholeToolCallDelta() throws Exception {
        GEMINI.enqueue(Wire.geminiFunctionCallStream("get_weather", "{\"city\":\"Oslo\"}"));

        List<StreamEvent> events = drain(client.stream(Clients.request("gemini-2.0-flash", "s", "Weather in Oslo?")));

        List<JsonNode> deltas = events.stream().filter(event -> event.toolCalls() != null)
                .map(event -> event.toolCalls().get(0)).toList();
        assertThat(deltas).hasSize(1);
        assertThat(deltas.getFirst().path("index").asInt()).isZero();
        assertThat(deltas.getFirst().path("id").asString()).startsWith("call_");
        assertThat(deltas.getFirst().path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(events).extracting(StreamEvent::finishReason).contains("tool_calls");
    }
}
