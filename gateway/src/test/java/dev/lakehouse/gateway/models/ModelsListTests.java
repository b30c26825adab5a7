package dev.lakehouse.gateway.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.FakeDaemon;
import dev.lakehouse.gateway.TestKeys;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ModelsListTests extends EdgeTestBase {

    private static final String EMBED_MODELS = """
            {"object":"list","data":[{"id":"all-minilm","object":"model","created":0,"owned_by":"lakehouse"}]}""";
    private static final String CHAT_MODELS = """
            {"object":"list","data":[{"id":"llama3.2","object":"model","created":0,"owned_by":"ollama"},
            {"id":"all-minilm","object":"model","created":0,"owned_by":"duplicate"}]}""";

    @Test
    void listsEmbeddsAndChatdsModelsTogetherInOpenAisFormat() {
        daemon("embedd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json", EMBED_MODELS));
        daemon("chatd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json", CHAT_MODELS));

        HttpResponse<String> response = sendWithKey(get("/v1/models"), TestKeys.EMBED_ONLY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").valueStream().map(model -> model.path("id").asString()))
                .containsExactly("all-minilm", "llama3.2");
        assertThat(list.path("data").get(0).path("owned_by").asString()).isEqualTo("lakehouse");
        assertThat(daemon("embedd").last().headers().getFirst("X-Lakehouse-Internal-Token")).isNotBlank();
    }

    @Test
    void oneDaemonWithoutModelsLeavesTheOthersList() {
        daemon("embedd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json", EMBED_MODELS));
        daemon("chatd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 503, "application/json",
                "{\"error\":{\"message\":\"no provider is up\",\"type\":\"server_error\"}}"));

        JsonNode list = JSON.readTree(sendWithKey(get("/v1/models"), TestKeys.ALL).body());

        assertThat(list.path("data").valueStream().map(model -> model.path("id").asString())).containsExactly("all-minilm");
    }

    @Test
    void noModelAnywhereIs503SayingWhyForEachDaemonInOpenAisShape() {
        daemon("embedd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json",
                "{\"object\":\"list\",\"data\":[]}"));
        daemon("chatd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 503, "application/json",
                "{\"error\":{\"message\":\"ollama: connection refused\",\"type\":\"server_error\"}}"));

        HttpResponse<String> response = sendWithKey(get("/v1/models"), TestKeys.ALL);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("no_models_available");
        assertThat(error.path("message").asString()).contains("embedd: lists no model")
                .contains("chatd: answered 503: ollama: connection refused");
    }

    @Test
    void retrievesOneModelByIdOr404sInOpenAisShape() {
        daemon("embedd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json", EMBED_MODELS));
        daemon("chatd").on("/v1/models", exchange -> FakeDaemon.respond(exchange, 200, "application/json", CHAT_MODELS));

        HttpResponse<String> found = sendWithKey(get("/v1/models/llama3.2"), TestKeys.ALL);
        HttpResponse<String> missing = sendWithKey(get("/v1/models/gpt-9"), TestKeys.ALL);

        assertThat(JSON.readTree(found.body()).path("id").asString()).isEqualTo("llama3.2");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("error").path("code").asString()).isEqualTo("model_not_found");
    }
}
