package dev.lakehouse.chatd.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Golden;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
        HttpResponse<String> tools = post("/v1/messages", "{\"max_tokens\":5,"
                + "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("type").asString()).isEqualTo("error");
        assertThat(json(malformed).path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(tools.statusCode()).isEqualTo(400);
        assertThat(json(tools).path("error").path("message").asString()).contains("server tool web_search_20250305");
    }

    @Test
    void anthropicMessagesCarryToolsAndAToolRoundTripToTheProviderAndToolUseBack() {
        OPENAI.enqueue(Wire.openAiToolCall("get_weather", "{\"city\":\"Oslo\"}"));

        HttpResponse<String> response = post("/v1/messages", """
                {"model":"openai/gpt-test","max_tokens":100,
                 "tools":[{"name":"get_weather","description":"Weather of a city",
                           "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                 "tool_choice":{"type":"any","disable_parallel_tool_use":true},
                 "messages":[{"role":"user","content":"Weather in Oslo?"},
                   {"role":"assistant","content":[{"type":"text","text":"Checking."},
                     {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"12 C"},
                     {"type":"text","text":"And tomorrow?"}]}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("stop_reason").asString()).isEqualTo("tool_use");
        JsonNode toolUse = answer.path("content").get(0);
        assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
        assertThat(toolUse.path("id").asString()).isEqualTo("call_1");
        assertThat(toolUse.path("name").asString()).isEqualTo("get_weather");
        assertThat(toolUse.path("input").path("city").asString()).isEqualTo("Oslo");
        JsonNode sent = OPENAI.lastRequest().json();
        assertThat(sent.path("tools").get(0).path("function").path("parameters").path("properties").has("city")).isTrue();
        assertThat(sent.path("tool_choice").asString()).isEqualTo("required");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
        JsonNode messages = sent.path("messages");
        assertThat(messages).extracting(message -> message.path("role").asString())
                .containsExactly("user", "assistant", "tool", "user");
        assertThat(messages.get(1).path("tool_calls").get(0).path("function").path("arguments").asString())
                .isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(messages.get(2).path("tool_call_id").asString()).isEqualTo("toolu_1");
        assertThat(messages.get(2).path("content").asString()).isEqualTo("12 C");
        assertThat(messages.get(3).path("content").asString()).isEqualTo("And tomorrow?");
    }

    @Test
    void aToolResultMarkedAsAnErrorReachesAnthropicMarkedAsAnError() {
        HttpResponse<String> response = post("/v1/messages", """
                {"model":"anthropic/claude-test","max_tokens":100,
                 "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Weather in Oslo and Rome?"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}},
                     {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"station offline","is_error":true},
                     {"type":"tool_result","tool_use_id":"toolu_2","content":"21 C"}]}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = ANTHROPIC.lastRequest().json().path("messages").get(2).path("content");
        assertThat(results.get(0).path("content").asString()).isEqualTo("station offline");
        assertThat(results.get(0).path("is_error").asBoolean()).isTrue();
        assertThat(results.get(1).has("is_error")).isFalse();
    }

    @Test
    void anthropicMessagesStreamEachToolUseWholeAfterTheText() {
        ANTHROPIC.enqueue(Wire.anthropicToolUseStream("get_weather", "{\"city\":", " \"Oslo\"}"));

        HttpResponse<String> response = post("/v1/messages", """
                {"model":"anthropic/claude-test","max_tokens":100,"stream":true,
                 "tools":[{"name":"get_weather","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Weather in Oslo?"}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = response.body().lines().filter(line -> line.startsWith("data: "))
                .map(line -> JSON.readTree(line.substring(6))).toList();
        assertThat(events).extracting(event -> event.path("type").asString()).containsSubsequence("message_start",
                "content_block_start", "content_block_delta", "content_block_stop", "content_block_start",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        JsonNode toolStart = events.stream().filter(event -> "tool_use".equals(
                event.path("content_block").path("type").asString(""))).findFirst().orElseThrow();
        assertThat(toolStart.path("index").asInt()).isEqualTo(1);
        assertThat(toolStart.path("content_block").path("name").asString()).isEqualTo("get_weather");
        JsonNode input = events.stream().filter(event -> "input_json_delta".equals(event.path("delta").path("type")
                .asString(""))).findFirst().orElseThrow();
        assertThat(JSON.readTree(input.path("delta").path("partial_json").asString()).path("city").asString())
                .isEqualTo("Oslo");
        assertThat(events).anySatisfy(event -> assertThat(event.path("delta").path("stop_reason").asString(""))
                .isEqualTo("tool_use"));
    }
}
