package dev.lakehouse.chatd.provider;

import static dev.lakehouse.chatd.provider.OpenAiClientTests.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lakehouse.chatd.fakes.Clients;
import dev.lakehouse.chatd.fakes.FakeServer;
import dev.lakehouse.chatd.fakes.FakeServer.Reply;
import dev.lakehouse.chatd.fakes.Wire;
import dev.lakehouse.chatd.provider.ollama.OllamaClient;
import dev.lakehouse.schemas.observation.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaClientTests {

    private static final FakeServer OLLAMA = FakeServer.start(request -> Wire.ollamaAnswer("hi", 3, 1));

    private final ProviderClient client = Clients.create("ollama", OLLAMA.url(), "");

    @BeforeEach
    void reset() {
        OLLAMA.reset(request -> Wire.ollamaAnswer("hi", 3, 1));
    }

    @AfterAll
    static void stop() {
        OLLAMA.close();
    }

    @Test
    void chatSendsOptionsAndReadsTheTokenCounts() throws Exception {
        OLLAMA.enqueue(Wire.ollamaAnswer("Paris.", 26, 3));

        ProviderReply reply = client.complete(Clients.request("llama3.2", "Be brief.", "Capital of France?"));

        assertThat(reply.content()).isEqualTo("Paris.");
        assertThat(reply.usage()).isEqualTo(Usage.of(26, 3, false));
        var sent = OLLAMA.lastRequest();
        assertThat(sent.path()).isEqualTo("/api/chat");
        assertThat(sent.headers()).doesNotContainKey("authorization");
        assertThat(sent.json().path("stream").asBoolean()).isFalse();
        assertThat(sent.json().path("options").path("num_predict").asInt()).isEqualTo(100);
        assertThat(sent.json().path("options").path("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void streamReadsNdjsonUpToTheDoneLineWithItsCounts() throws Exception {
        OLLAMA.enqueue(Wire.ollamaStream("Hel", "lo"));

        List<StreamEvent> events = drain(client.stream(Clients.request("llama3.2", "s", "u")));

        assertThat(events).extracting(StreamEvent::text).containsSubsequence("Hel", "lo");
        assertThat(events.getLast().usage()).isEqualTo(Usage.of(26, 2, false));
        assertThat(events.getLast().finishReason()).isEqualTo("stop");
    }

    @Test
    void aStreamWithoutItsDoneLineIsCut() throws Exception {
        OLLAMA.enqueue(Reply.ndjson(Wire.ollamaLines(List.of("Hel"), false)));
        UpstreamStream stream = client.stream(Clients.request("llama3.2", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.STREAM_CUT);
    }

    @Test
    void anErrorLineFailsTheStream() throws Exception {
        List<String> lines = new ArrayList<>(Wire.ollamaLines(List.of("Hel"), false));
        lines.add("{\"error\":\"an unknown error was encountered while running the model\"}\n");
        OLLAMA.enqueue(Reply.ndjson(lines));
        UpstreamStream stream = client.stream(Clients.request("llama3.2", "s", "u"));

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> drain(stream));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
    }

    @Test
    void aModelThatIsNotPulledIsA404() {
        OLLAMA.enqueue(Wire.ollamaError(404, "model \"nope\" not found, try pulling it first"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client.complete(Clients.request("nope", "s", "u")));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.getMessage()).contains("try pulling it first");
    }

    @Test
    void toolCallsComeBackInOpenAiShape() throws Exception {
        OLLAMA.enqueue(Reply.json(200, """
                {"model":"llama3.2","created_at":"2026-11-25T10:00:00Z","message":{"role":"assistant","content":"",
                 "tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Oslo"}}}]},
                 "done_reason":"stop","done":true,"prompt_eval_count":10,"eval_count":5}"""));

        ProviderReply reply = client.complete(Clients.request("llama3.2", "s", "u"));

        assertThat(reply.finishReason()).isEqualTo("tool_calls");
        assertThat(reply.toolCalls().get(0).path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
    }

    @Test
    void tagsListThePulledModels() throws Exception {
        OLLAMA.enqueue(Wire.ollamaTags("llama3.2:latest", "qwen2.5:0.5b"));

        List<String> tags = ((OllamaClient) client).tags();

        assertThat(tags).containsExactly("llama3.2:latest", "qwen2.5:0.5b");
    }
}
