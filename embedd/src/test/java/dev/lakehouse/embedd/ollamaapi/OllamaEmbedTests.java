package dev.lakehouse.embedd.ollamaapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.testing.EmbeddWebTests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/embed} on the wire, as Ollama's clients see it. */
class OllamaEmbedTests extends EmbeddWebTests {

    @Test
    void answerMatchesTheGoldenFile() {
        HttpResponse<String> response = post("/api/embed", "{\"model\":\"fake-embed\",\"input\":[\"hello world\",\"second input\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertJsonContentType(response);
        ObjectNode body = (ObjectNode) json(response);
        assertThat(body.path("total_duration").asLong()).isPositive();
        body.put("total_duration", 1);
        assertThat(JSON.writeValueAsString(body)).isEqualTo(golden("ollama-embed.json"));
    }

    @Test
    void aStringInputStillGivesATwoDimensionalArray() {
        JsonNode body = json(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"hello world\"}"));

        assertThat(body.path("embeddings").isArray()).isTrue();
        assertThat(body.path("embeddings").size()).isEqualTo(1);
        assertThat(body.path("embeddings").get(0).size()).isEqualTo(384);
        assertThat(body.path("prompt_eval_count").asInt()).isEqualTo(4);
        assertThat(body.path("model").asString()).isEqualTo("all-minilm");
    }

    @Test
    void noInputGivesNoEmbeddingsAsInOllama() {
        HttpResponse<String> empty = post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"\"}");
        HttpResponse<String> absent = post("/api/embed", "{\"model\":\"all-minilm\"}");

        assertThat(empty.body()).isEqualTo("{\"model\":\"all-minilm\",\"embeddings\":[]}");
        assertThat(absent.body()).isEqualTo("{\"model\":\"all-minilm\",\"embeddings\":[]}");
    }

    @Test
    void anInputBeyondTheContextIsRefusedWhenNotTruncating() {
        String longText = "word ".repeat(700);

        HttpResponse<String> refused = post("/api/embed",
                "{\"model\":\"all-minilm\",\"input\":\"" + longText + "\",\"truncate\":false}");
        HttpResponse<String> truncated = post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"" + longText + "\"}");

        assertOllamaError(refused, 400);
        assertThat(error(refused)).contains("the input length exceeds the context length");
        assertThat(json(truncated).path("prompt_eval_count").asInt()).isEqualTo(512);
    }

    @Test
    void unknownModelIs404InOllamasShapeListingTheModelsThatExist() {
        HttpResponse<String> response = post("/api/embed", "{\"model\":\"nope\",\"input\":\"x\"}");

        assertOllamaError(response, 404);
        assertThat(response.body()).isEqualTo(golden("ollama-error-model-not-found.json"));
    }

    @Test
    void invalidRequestsAre400InOllamasShape() {
        assertOllamaError(post("/api/embed", "{\"input\":\"x\"}"), 400);
        assertOllamaError(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":[1,2]}"), 400);
        assertOllamaError(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":{}}"), 400);
        assertOllamaError(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":128}"), 400);
        assertOllamaError(post("/api/embed", "{\"model\":\"all-minilm\",\"input\":\"x\",\"truncate\":\"yes please\"}"), 400);
    }

    @Test
    void malformedJsonIs400InOllamasShape() {
        HttpResponse<String> response = post("/api/embed", "{\"model\":");

        assertOllamaError(response, 400);
        assertThat(error(response)).startsWith("could not parse the JSON body of your request");
    }

    @Test
    void optionsAndKeepAliveAreAccepted() {
        HttpResponse<String> response = post("/api/embed",
                "{\"model\":\"all-minilm\",\"input\":\"x\",\"options\":{\"num_ctx\":512},\"keep_alive\":\"5m\"}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String error(HttpResponse<String> response) {
        return json(response).path("error").asString();
    }

    static void assertOllamaError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertJsonContentType(response);
        JsonNode body = json(response);
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.path("error").isString()).isTrue();
        assertThat(body.path("error").asString()).isNotBlank();
    }
}
