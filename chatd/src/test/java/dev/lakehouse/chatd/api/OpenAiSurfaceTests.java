package dev.lakehouse.chatd.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Golden;
import dev.lakehouse.chatd.fakes.Wire;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenAiSurfaceTests extends ChatdHarness {

    @Test
    void answersInOpenAiFormatWithTheLakehouseHeaders() {
        HttpResponse<String> response = post("/v1/chat/completions", chat("openai/gpt-test", "Say hello."));

        assertThat(response.statusCode()).isEqualTo(200);
        Golden.assertJson("openai-answer.json", response.body());
        assertThat(response.headers().firstValue("X-Lakehouse-Provider")).hasValue("openai");
        assertThat(response.headers().firstValue("X-Lakehouse-Attempts")).hasValue("1");
        assertThat(response.headers().firstValue("X-Lakehouse-Overhead-Ms")).hasValueSatisfying(value ->
                assertThat(Double.parseDouble(value)).isNotNegative());
        assertThat(OPENAI.lastRequest().json().path("model").asString()).isEqualTo("gpt-test");
    }

    @Test
    void streamsInOpenAiFormatEndingWithDone() {
        OPENAI.enqueue(Wire.openAiStream("Hel", "lo"));

        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"model\":\"openai/gpt-test\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        Golden.assertStream("openai-stream.txt", response.body());
    }

    @Test
    void theProviderReceivesTheModelWithoutItsPrefixSplitAtTheFirstSlash() {
        HttpResponse<String> response = post("/v1/chat/completions", chat("openai/org/model-x", "hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(OPENAI.lastRequest().json().path("model").asString()).isEqualTo("org/model-x");
    }

    @Test
    void aBareModelNameIsFoundAmongTheModelsTheProvidersOffer() {
        HttpResponse<String> claude = post("/v1/chat/completions", chat("claude-test", "hi"));
        HttpResponse<String> ollama = post("/v1/chat/completions", chat("qwen-local:0.5b", "hi"));

        assertThat(claude.headers().firstValue("X-Lakehouse-Provider")).hasValue("anthropic");
        assertThat(json(claude).path("model").asString()).isEqualTo("anthropic/claude-test");
        assertThat(ollama.headers().firstValue("X-Lakehouse-Provider")).hasValue("ollama");
    }

    @Test
    void anUnknownModelIsA404InOpenAisShapeNamingWhatIsAvailable() {
        HttpResponse<String> response = post("/v1/chat/completions", chat("no-such-model", "hi"));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asString()).isEqualTo("model_not_found");
        assertThat(error.path("param").asString()).isEqualTo("model");
        assertThat(error.path("message").asString()).contains("no-such-model").contains("openai/gpt-test")
                .contains("anthropic/claude-test");
    }

    @Test
    void aDisabledProviderIsA404ThatSaysWhy() {
        HttpResponse<String> response = post("/v1/chat/completions", chat("openrouter/meta-llama/llama-3.1-8b-instruct", "hi"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("message").asString()).contains("OPENROUTER_API_KEY is not set");
    }

    @Test
    void malformedJsonIsA400InOpenAisShape() {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\": [1, 2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(response).path("error").path("message").asString()).contains("not valid JSON");
    }

    @Test
    void invalidFieldsAre400sNamingTheParameter() {
        HttpResponse<String> noMessages = post("/v1/chat/completions", "{\"messages\":[]}");
        HttpResponse<String> hotTemperature = post("/v1/chat/completions",
                "{\"temperature\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> image = post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x\"}}]}]}");

        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(json(noMessages).path("error").path("param").asString()).isEqualTo("messages");
        assertThat(json(hotTemperature).path("error").path("param").asString()).isEqualTo("temperature");
        assertThat(json(image).path("error").path("message").asString()).contains("image_url");
    }

    @Test
    void anUnknownRoleIsA400ListingTheRoles() {
        HttpResponse<String> response = post("/v1/chat/completions", chat(null, "hi"), "X-Lakehouse-Role", "poet");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asString()).contains("poet").contains("email-writer");
    }

    @Test
    void theRoleComesFromTheHeaderOrTheLakehouseField() {
        HttpResponse<String> byField = post("/v1/chat/completions",
                "{\"lakehouse\":{\"role\":\"assistant\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> conflicting = post("/v1/chat/completions",
                "{\"lakehouse\":{\"role\":\"assistant\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "X-Lakehouse-Role", "default");

        assertThat(byField.headers().firstValue("X-Lakehouse-Role")).hasValue("assistant");
        assertThat(OPENAI.requests().getFirst().json().path("messages").get(0).path("content").asString())
                .startsWith("You are the Lakehouse team assistant.");
        assertThat(conflicting.statusCode()).isEqualTo(400);
    }

    @Test
    void toolsAndUnknownFieldsPassThroughAndToolCallsComeBack() {
        OPENAI.enqueue(Wire.openAiToolCall("get_weather", "{\"city\":\"Oslo\"}"));

        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"openai/gpt-test","messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
                 "tool_choice":"auto","parallel_tool_calls":false}""");

        JsonNode message = json(response).path("choices").get(0).path("message");
        assertThat(json(response).path("choices").get(0).path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(message.path("tool_calls").get(0).path("function").path("arguments").asString())
                .isEqualTo("{\"city\":\"Oslo\"}");
        JsonNode sent = OPENAI.lastRequest().json();
        assertThat(sent.path("tool_choice").asString()).isEqualTo("auto");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(sent.path("tools")).hasSize(1);
    }

    @Test
    void claudesToolCallComesBackInOpenAisShape() {
        ANTHROPIC.enqueue(Wire.anthropicToolUse("get_weather", "{\"city\":\"Oslo\"}"));

        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"anthropic/claude-test","messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
                 "tool_choice":"required"}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode choice = json(response).path("choices").get(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").get(0);
        assertThat(call.path("id").asString()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
        JsonNode sent = ANTHROPIC.lastRequest().json();
        assertThat(sent.path("tools").get(0).path("input_schema").path("type").asString()).isEqualTo("object");
        assertThat(sent.path("tool_choice").path("type").asString()).isEqualTo("any");
    }

    @Test
    void geminisFunctionCallComesBackInOpenAisShape() {
        GEMINI.enqueue(Wire.geminiFunctionCall("get_weather", "{\"city\":\"Oslo\"}"));

        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"gemini/gemini-test","messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode choice = json(response).path("choices").get(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("tool_calls").get(0).path("function").path("arguments").asString())
                .isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(GEMINI.lastRequest().json().path("tools").get(0).path("functionDeclarations").get(0).path("name")
                .asString()).isEqualTo("get_weather");
    }

    @Test
    void claudesStreamedToolCallArrivesAsOpenAiToolCallChunks() {
        ANTHROPIC.enqueue(Wire.anthropicToolUseStream("get_weather", "{\"city\":", " \"Oslo\"}"));

        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"anthropic/claude-test","stream":true,"messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> chunks = response.body().lines().filter(line -> line.startsWith("data: {"))
                .map(line -> JSON.readTree(line.substring(6))).toList();
        String arguments = chunks.stream().flatMap(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls")
                .valueStream()).map(call -> call.path("function").path("arguments").asString("")).reduce("", String::concat);
        assertThat(arguments).isEqualTo("{\"city\": \"Oslo\"}");
        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.path("choices").path(0).path("delta").path("tool_calls")
                .path(0).path("function").path("name").asString()).isEqualTo("get_weather"));
        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.path("choices").path(0).path("finish_reason").asString(""))
                .isEqualTo("tool_calls"));
        assertThat(response.body().strip()).endsWith("data: [DONE]");
    }

    @Test
    void modelsListsTheConfiguredChatModelsAndWhyOthersAreMissing() {
        HttpResponse<String> response = get("/v1/models");

        JsonNode list = json(response);
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").valueStream().map(model -> model.path("id").asString()))
                .contains("openai/gpt-test", "anthropic/claude-test", "gemini/gemini-test", "ollama/llama-test",
                        "replay/cassette");
        assertThat(list.path("data").get(0).path("object").asString()).isEqualTo("model");
        assertThat(list.path("lakehouse").path("unavailable").path("openrouter").asString())
                .isEqualTo("OPENROUTER_API_KEY is not set");
    }
}
