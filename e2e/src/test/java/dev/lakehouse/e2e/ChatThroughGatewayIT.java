package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.FakeChatProvider;
import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chat through the real gateway to the real chatd process, whose one provider is a local fake
 * speaking OpenAI's wire format: the three surfaces, streaming, the observation in the lake, and
 * the replay provider answering from that observation.
 */
class ChatThroughGatewayIT {

    private final Suite suite = SharedSuite.get();
    private final FakeChatProvider provider = SharedSuite.chatProvider();

    private static String ask(String model, String question, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + question + "\"}]}";
    }

    @Test
    void openAiChatCompletionsIsServedByTheProviderInOpenAisFormat() {
        String question = "hello " + UUID.randomUUID();

        HttpResponse<String> response = Http.post(suite.gateway().resolve("/v1/chat/completions"),
                ask("openai/gpt-4o-mini", question, false), "X-Request-Id", "e2e-chat-" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).hasValue("openai");
        assertThat(response.headers().firstValue("X-Lakehouse-Attempts")).hasValue("1");
        JsonNode answer = Http.json(response);
        assertThat(answer.path("object").asString()).isEqualTo("chat.completion");
        assertThat(answer.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Echo: " + question);
        assertThat(answer.path("usage").path("total_tokens").asInt()).isEqualTo(13);
        FakeChatProvider.Received sent = provider.received().getLast();
        assertThat(sent.body().path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.headers()).containsEntry("authorization", "Bearer " + FakeChatProvider.API_KEY)
                .doesNotContainKey("x-lakehouse-internal-token");
        assertThat(sent.headers().values()).noneMatch(value -> value.contains(Suite.TOKEN));
    }

    @Test
    void aStreamArrivesThroughTheGatewayEventByEventAndEndsWithDone() {
        HttpResponse<String> response = Http.post(suite.gateway().resolve("/v1/chat/completions"),
                ask("openai/gpt-4o-mini", "stream me please", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        List<String> data = response.body().lines().filter(line -> line.startsWith("data: ")).toList();
        assertThat(data.getLast()).isEqualTo("data: [DONE]");
        StringBuilder text = new StringBuilder();
        data.stream().filter(line -> !line.equals("data: [DONE]")).map(line -> Http.JSON.readTree(line.substring(6)))
                .forEach(chunk -> text.append(chunk.path("choices").path(0).path("delta").path("content").asString("")));
        assertThat(text.toString()).isEqualTo("Echo: stream me please");
    }

    @Test
    void ollamaAndAnthropicClientsAreServedInTheirOwnFormats() {
        HttpResponse<String> ollama = Http.post(suite.gateway().resolve("/api/chat"), "{\"model\":\"gpt-4o-mini\","
                + "\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"from ollama\"}]}");
        HttpResponse<String> anthropic = Http.post(suite.gateway().resolve("/v1/messages"), "{\"model\":\"openai/gpt-4o-mini\","
                + "\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"from anthropic\"}]}");

        assertThat(ollama.statusCode()).isEqualTo(200);
        assertThat(Http.json(ollama).path("message").path("content").asString()).isEqualTo("Echo: from ollama");
        assertThat(Http.json(ollama).path("done").asBoolean()).isTrue();
        assertThat(anthropic.statusCode()).isEqualTo(200);
        assertThat(Http.json(anthropic).path("type").asString()).isEqualTo("message");
        assertThat(Http.json(anthropic).path("content").get(0).path("text").asString()).isEqualTo("Echo: from anthropic");
    }

    @Test
    void anUnknownModelIsA404InOpenAisShapeThroughTheGateway() {
        HttpResponse<String> response = Http.post(suite.gateway().resolve("/v1/chat/completions"),
                ask("no-such-model", "x", false));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).path("error").path("code").asString()).isEqualTo("model_not_found");
    }

    @Test
    void theCallIsObservedInTheLakeAndTheReplayProviderAnswersItOffline() {
        String question = "remember this " + UUID.randomUUID();
        String requestId = "e2e-observed-" + UUID.randomUUID();
        HttpResponse<String> recorded = Http.post(suite.gateway().resolve("/v1/chat/completions"),
                ask("openai/gpt-4o-mini", question, false), "X-Request-Id", requestId);
        assertThat(recorded.statusCode()).isEqualTo(200);

        JsonNode observation = await().atMost(Duration.ofSeconds(20)).until(() -> observation(requestId), node -> node != null);
        int calls = provider.received().size();
        HttpResponse<String> replayed = await().atMost(Duration.ofSeconds(20)).until(
                () -> Http.post(suite.gateway().resolve("/v1/chat/completions"), ask("replay/cassette", question, false)),
                response -> response.statusCode() == 200);

        assertThat(observation.path("schema").asString()).isEqualTo("lakehouse.observation/v1");
        assertThat(observation.path("outcome").asString()).isEqualTo("ok");
        assertThat(observation.path("provider").asString()).isEqualTo("openai");
        assertThat(observation.path("output").path("content").asString()).isEqualTo("Echo: " + question);
        assertThat(replayed.headers().firstValue("X-Lakehouse-Provider")).hasValue("replay");
        assertThat(Http.json(replayed).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Echo: " + question);
        assertThat(provider.received()).hasSize(calls);
    }

    private JsonNode observation(String requestId) {
        Path dir = suite.dataDir().resolve("lake").resolve("observations");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(requestId)) {
                        return Http.JSON.readTree(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
