package dev.lakehouse.chatd.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Golden;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The Ollama and Anthropic surfaces answer in their own formats, whichever provider served. */
class SurfaceFormatTests extends ChatdHarness {

    @Test
    void ollamaChatAnswersInOllamasFormat() {
        HttpResponse<String> response = post("/api/chat", "{\"model\":\"openai/gpt-test\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"options\":{\"num_predict\":64}}");

        assertThat(response.statusCode()).isEqualTo(200);
        Golden.assertJson("ollama-answer.json", response.body());
        assertThat(OPENAI.lastRequest().json().path("max_tokens").asInt()).isEqualTo(64);
    }

    @Test
    void ollamaChatStreamsNdjsonByDefault() {
        ANTHROPIC.enqueue(Wire.anthropicStream("Hel", "lo"));

        HttpResponse<String> response = post("/api/chat", "{\"model\":\"anthropic/claude-test\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        Golden.assertStream("ollama-stream.ndjson", response.body());
    }

    @Test
    void ollamaErrorsAreOllamaShaped() {
        HttpResponse<String> response = post("/api/chat", "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> malformed = post("/api/chat", "{\"model\":");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asString()).contains("model 'nope' is not offered");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").asString()).contains("not valid JSON");
    }

    @Test
    void anthropicMessagesAnswersInAnthropicsFormat() {
        HttpResponse<String> response = post("/v1/messages", "{\"model\":\"gemini/gemini-test\",\"max_tokens\":100,"
                + "\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say hello.\"}]}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        Golden.assertJson("anthropic-answer.json", response.body());
        assertThat(GEMINI.lastRequest().json().path("systemInstruction").path("parts").get(0).path("text").asString())
                .isEqualTo("Be brief.");
    }

    @Test
    void anthropicMessagesStreamsItsEvents() {
        OLLAMA.enqueue(Wire.ollamaStream("Hel", "lo"));

        HttpResponse<String> response = post("/v1/messages", "{\"model\":\"ollama/llama-test\",\"max_tokens\":100,"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}");

        Golden.assertStream("anthropic-stream.txt", response.body());
    }

    @Test
    void anthropicErrorsAreAnthropicShaped() {
        HttpResponse<String> malformed = post("/v1/messages", "[1,");
        HttpResponse<String> tools = post("/v1/messages", "{\"max_tokens\":5,\"tools\":[{\"name\":\"f\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("type").asString()).isEqualTo("error");
        assertThat(json(malformed).path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(tools).path("error").path("message").asString()).contains("tools are not passed");
    }
}
