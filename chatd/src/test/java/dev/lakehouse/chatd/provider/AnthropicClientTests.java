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
import java.util.ArrayList;
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

class AnthropicClientTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String KEY = "sk-ant-api03-test0123456789abcdef";
    private static final FakeServer ANTHROPIC = FakeServer.start(request -> Wire.anthropicAnswer("hi", 3, 1));

    private final ProviderClient client = Clients.create("anthropic", ANTHROPIC.url(), KEY,
            Map.of("anthropic-version", "2023-06-01"), Duration.ofSeconds(5));

    @BeforeEach
    void reset() {
        ANTHROPIC.reset(request -> Wire.anthropicAnswer("hi", 3, 1));
    }

    @AfterAll
    static void stop() {
        ANTHROPIC.close();
    }

    @Test
    void completeSendsMessagesWithItsHeadersAndTheSystemPromptApart() throws Exception {
        ANTHROPIC.enqueue(Wire.anthropicAnswer("Paris.", 30, 3));

        ProviderReply reply = client.complete(Clients.request("claude-3-5-haiku-latest", "Be brief.", "Capital of France?"));

        assertThat(reply.content()).isEqualTo("Paris.");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(Usage.of(30, 3, false));
        FakeServer.Recorded sent = ANTHROPIC.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.headers()).containsEntry("x-api-key", KEY).containsEntry("anthropic-version", "2023-06-01")
                .doesNotContainKey("authorization");
        assertThat(sent.json().path("system").asString()).isEqualTo("Be brief.");
        assertThat(sent.json().path("messages")).hasSize(1);
        assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(100);
        assertThat(sent.json().path("stop_sequences").get(0).asString()).isEqualTo("END");
    }

    @Test
    void streamReadsTextDeltasAndUsageFromMessageStartAndMessageDelta() throws Exception {
        ANTHROPIC.enqueue(Wire.anthropicStream("Hel", "lo"));

        List<StreamEvent> events = drain(client.stream(Clients.request("claude", "s", "u")));

        assertThat(events).extracting(StreamEvent::text).containsSubsequence("Hel", "lo");
        StreamEvent last = events.getLast();
        assertThat(last.finishReason()).isEqualTo("stop");
        assertThat(last.usage()).isEqualTo(Usage.of(25, 6, false));
    }

    @Test
    void toolsToolChoiceAndAToolRoundTripAreSentInAnthropicsShape() throws Exception {
        JsonNode tools = JSON.readTree("""
                [{"type":"function","function":{"name":"get_weather","description":"Weather of a city",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
                 {"type":"function","function":{"name":"now","parameters":{}}}]""");
        ObjectNode passthrough = (ObjectNode) JSON.readTree("""
                {"tool_choice":{"type":"function","function":{"name":"get_weather"}},"parallel_tool_calls":false}""");
        JsonNode calls = JSON.readTree("""
                [{"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},
                 {"id":"toolu_2","type":"function","function":{"name":"now","arguments":""}}]""");
        List<Message> conversation = List.of(Message.of("system", "Be brief."), Message.of("user", "Weather in Oslo?"),
                new Message("assistant", "", null, null, calls), new Message("tool", "12 C, rain", null, "toolu_1", null),
                new Message("tool", "14:05", null, "toolu_2", null));

        client.complete(new ProviderRequest("claude", conversation, Clients.request("c", "s", "u").params(), tools,
                passthrough));

        JsonNode sent = ANTHROPIC.lastRequest().json();
        assertThat(sent.path("tools").get(0).path("name").asString()).isEqualTo("get_weather");
        assertThat(sent.path("tools").get(0).path("description").asString()).isEqualTo("Weather of a city");
        assertThat(sent.path("tools").get(0).path("input_schema").path("required").get(0).asString()).isEqualTo("city");
        assertThat(sent.path("tools").get(1).path("input_schema").path("type").asString()).isEqualTo("object");
        assertThat(sent.path("tool_choice")).isEqualTo(JSON.readTree(
                "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"));
        JsonNode messages = sent.path("messages");
        assertThat(messages).hasSize(3);
        JsonNode toolUse = messages.get(1).path("content").get(0);
        assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asString()).isEqualTo("toolu_1");
        assertThat(toolUse.path("input").path("city").asString()).isEqualTo("Oslo");
        assertThat(messages.get(1).path("content").get(1).path("input").isObject()).isTrue();
        JsonNode results = messages.get(2);
        assertThat(results.path("role").asString()).isEqualTo("user");
        assertThat(results.path("content")).extracting(block -> block.path("tool_use_id").asString())
                .containsExactly("toolu_1", "toolu_2");
        assertThat(results.path("content").get(0).path("content").asString()).isEqualTo("12 C, rain");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"tool_choice\":\"required\"}                  | {\"type\":\"any\"}",
        "{\"tool_choice\":\"none\"}                      | {\"type\":\"none\"}",
        "{\"tool_choice\":\"auto\"}                      | {\"type\":\"auto\"}",
        "{\"parallel_tool_calls\":false}                 | {\"type\":\"auto\",\"disable_parallel_tool_use\":true}",
        "{\"tool_choice\":\"none\",\"parallel_tool_calls\":false} | {\"type\":\"none\"}"})
    void openAisToolChoiceMapsToAnthropics(String openAi, String anthropic) throws Exception {
        client.complete(new ProviderRequest("claude", List.of(Message.of("user", "hi")),
                Clients.request("c", "s", "u").params(), JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"),
                (ObjectNode) JSON.readTree(openAi)));

        assertThat(ANTHROPIC.lastRequest().json().path("tool_choice")).isEqualTo(JSON.readTree(anthropic));
    }

    @Test
    void withoutAToolChoiceAnthropicDecides() throws Exception {
        client.complete(new ProviderRequest("claude", List.of(Message.of("user", "hi")),
                Clients.request("c", "s", "u").params(), JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"),
                null));

        assertThat(ANTHROPIC.lastRequest().json().has("tool_choice")).isFalse();
        assertThat(ANTHROPIC.lastRequest().json().path("tools")).hasSize(1);
    }

    @Test
    void toolCallArgumentsThatAreNotAJsonObjectAreTheClientsError() throws Exception {
        JsonNode calls = JSON.readTree(
                "[{\"id\":\"toolu_9\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"[1,2]\"}}]");
        ProviderRequest request = new ProviderRequest("claude", List.of(Message.of("user", "hi"),
                new Message("assistant", "", null, null, calls)), Clients.request("c", "s", "u").params(),
                JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"), null);

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> client.complete(request));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.CLIENT_ERROR);
        assertThat(failure.getMessage()).contains("toolu_9");
        assertThat(ANTHROPIC.requests()).isEmpty();
    }

    @Test
    void aToolUseAnswerComesBackAsOpenAiToolCalls() throws Exception {
        ANTHROPIC.enqueue(Wire.anthropicToolUse("get_weather", "{\"city\":\"Oslo\",\"unit\":\"celsius\"}"));

        ProviderReply reply = client.complete(Clients.request("claude", "s", "Weather in Oslo?"));

        assertThat(reply.content()).isEqualTo("Let me check.");
        assertThat(reply.finishReason()).isEqualTo("tool_calls");
        JsonNode call = reply.toolCalls().get(0);
        assertThat(call.path("id").asString()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(call.path("type").asString()).isEqualTo("function");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("function").path("arguments").asString()))
                .isEqualTo(JSON.readTree("{\"city\":\"Oslo\",\"unit\":\"celsius\"}"));
    }

    @Test
    void aStreamedToolUseBecomesOpenAiToolCallDeltasNumberedByCall() throws Exception {
        ANTHROPIC.enqueue(Wire.anthropicToolUseStream("get_weather", "{\"city\": \"Os", "lo\"}"));

        List<StreamEvent> events = drain(client.stream(Clients.request("claude", "s", "Weather in Oslo?")));

        List<JsonNode> deltas = events.stream().filter(event -> event.toolCalls() != null)
                .map(event -> event.toolCalls().get(0)).toList();
        assertThat(deltas).hasSize(3);
        assertThat(deltas).allSatisfy(delta -> assertThat(delta.path("index").asInt()).isZero());
        assertThat(deltas.getFirst().path("id").asString()).isEqualTo("toolu_01T1x1fJ34qAmk2tNTrN7Up6");
        assertThat(deltas.getFirst().path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(deltas.stream().map(delta -> delta.path("function").path("arguments").asString())
                .reduce("", String::concat)).isEqualTo("{\"city\": \"Oslo\"}");
        assertThat(events).extracting(StreamEvent::text).contains("Let me check.");
        assertThat(events.getLast().finishReason()).isEqualTo("tool_calls");
        assertThat(events.getLast().usage()).isEqualTo(Usage.of(380, 89, false));
    }

    @Test
    void anOverloadedErrorEventMidStreamIsARetryableServerError() throws Exception {
        List<String> events = new ArrayList<>(Wire.anthropicEvents(List.of("Hel"), false));
        events.add(Wire.anthropicErrorEvent("overloaded_error", "Overloaded"));
        ANTHROPIC.enqueue(Reply.sse(events));
        UpstreamStream stream = client.stream(Clients.request("claude", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("overloaded_error");
    }

    @Test
    void aStreamWithoutMessageStopIsCut() throws Exception {
        ANTHROPIC.enqueue(Reply.sse(Wire.anthropicEvents(List.of("Hel", "lo"), false)));
        UpstreamStream stream = client.stream(Clients.request("claude", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
    }

    @Test
    void status529OverloadedIsRetryable() {
        ANTHROPIC.enqueue(Wire.anthropicError(529, "overloaded_error", "Overloaded"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("claude", "s", "u")));

        assertThat(failure.httpStatus()).isEqualTo(529);
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void status401IsOurKeysFaultWithoutTheKeyInTheMessage() {
        ANTHROPIC.enqueue(Wire.anthropicError(401, "authentication_error", "invalid x-api-key " + KEY));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("claude", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.AUTH);
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void status400IsTheRequestsOwn() {
        ANTHROPIC.enqueue(Wire.anthropicError(400, "invalid_request_error", "max_tokens: must be positive"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("claude", "s", "u")));

        assertThat(failure.returnedToClient()).isTrue();
        assertThat(failure.getMessage()).contains("max_tokens: must be positive");
    }

    @Test
    void status429HonoursRetryAfter() {
        ANTHROPIC.enqueue(Reply.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
                Map.of("retry-after", "2")));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("claude", "s", "u")));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }
}
