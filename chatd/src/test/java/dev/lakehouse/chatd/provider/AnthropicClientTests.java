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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTests {

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
