package dev.lakehouse.embedd.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.embedd.cache.VectorEncoding;
import dev.lakehouse.embedd.testing.EmbeddWebTests;
import dev.lakehouse.embedd.testing.FakeOllama;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/embeddings} on the wire, as OpenAI's clients see it. */
class OpenAiEmbeddingsTests extends EmbeddWebTests {

    @Test
    void floatAnswerMatchesTheGoldenFile() {
        HttpResponse<String> response = post("/v1/embeddings",
                "{\"model\":\"fake-embed\",\"input\":[\"hello world\",\"second input\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertJsonContentType(response);
        assertThat(response.body()).isEqualTo(golden("openai-embeddings-float.json"));
    }

    @Test
    void base64AnswerMatchesTheGoldenFileAndDecodesToTheFloatAnswer() {
        String request = "{\"model\":\"fake-embed\",\"input\":[\"hello world\",\"second input\"]";

        HttpResponse<String> base64 = post("/v1/embeddings", request + ",\"encoding_format\":\"base64\"}");
        HttpResponse<String> floats = post("/v1/embeddings", request + ",\"encoding_format\":\"float\"}");

        assertThat(base64.body()).isEqualTo(golden("openai-embeddings-base64.json"));
        for (int i = 0; i < 2; i++) {
            float[] decoded = VectorEncoding.fromBase64(json(base64).path("data").get(i).path("embedding").asString());
            assertThat(decoded).containsExactly(floatsOf(json(floats).path("data").get(i).path("embedding")));
        }
    }

    @Test
    void allMinilmAnswers384FloatsWithTheTokenizersCountAndEchoesTheModelAsRequested() {
        HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"all-minilm:l6-v2\",\"input\":\"hello world\"}");

        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("model").asString()).isEqualTo("all-minilm:l6-v2");
        assertThat(body.path("data").get(0).path("embedding").size()).isEqualTo(384);
        assertThat(body.path("data").get(0).path("index").asInt()).isZero();
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(4);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void cacheHeaderSaysMissThenHitThenPartial() {
        String first = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"cache header one\"}")
                .headers().firstValue("X-Lakehouse-Cache").orElseThrow();
        String second = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"cache header one\"}")
                .headers().firstValue("X-Lakehouse-Cache").orElseThrow();
        String third = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":[\"cache header one\",\"cache header two\"]}")
                .headers().firstValue("X-Lakehouse-Cache").orElseThrow();

        assertThat(List.of(first, second, third)).containsExactly("miss", "hit", "partial");
    }

    @Test
    void unknownModelIs404InOpenAisShapeListingTheModelsThatExist() {
        HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"nope\",\"input\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertJsonContentType(response);
        assertThat(response.body()).isEqualTo(golden("openai-error-model-not-found.json"));
    }

    @Test
    void tokenArraysAreRefusedAsNotSupported() {
        for (String input : List.of("[1, 2, 3]", "[[1, 2], [3]]")) {
            HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":" + input + "}");

            assertOpenAiError(response, 400, "input", "unsupported_value");
            assertThat(message(response)).contains("token arrays are not supported");
        }
    }

    @Test
    void dimensionsTheModelCannotHonourAre400AndOllamaModelsGetThemForwarded() {
        HttpResponse<String> minilm = post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":256}");
        HttpResponse<String> same = post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":384}");
        HttpResponse<String> ollamas = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"x\",\"dimensions\":4}");

        assertOpenAiError(minilm, 400, "dimensions", "unsupported_value");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json(ollamas).path("data").get(0).path("embedding").size()).isEqualTo(4);
    }

    @Test
    void invalidFieldsAre400NamingTheField() {
        assertOpenAiError(post("/v1/embeddings", "{\"input\":\"x\"}"), 400, "model", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\"}"), 400, "input", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"\"}"), 400, "input", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":[]}"), 400, "input", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":[\"a\",{}]}"), 400, "input",
                "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"x\",\"encoding_format\":\"int8\"}"),
                400, "encoding_format", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":0}"), 400,
                "dimensions", "invalid_request");
        assertOpenAiError(post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":\"x\",\"dimensions\":\"many\"}"), 400,
                "dimensions", "invalid_request");
    }

    @Test
    void malformedJsonIs400InOpenAisShapeSayingWhere() {
        HttpResponse<String> response = post("/v1/embeddings", "{\"model\": \"all-minilm\", \"input\": [\"a\"");

        assertOpenAiError(response, 400, null, "invalid_request");
        assertThat(message(response)).startsWith("could not parse the JSON body of your request").contains("line 1")
                .doesNotContain("Source");
    }

    @Test
    void moreInputsThanTheLimitAre400() {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 2049; i++) {
            inputs.add("\"t" + i + "\"");
        }

        HttpResponse<String> response = post("/v1/embeddings", "{\"model\":\"all-minilm\",\"input\":[" + String.join(",", inputs) + "]}");

        assertOpenAiError(response, 400, "input", "invalid_request");
        assertThat(message(response)).contains("at most 2048").contains("lakehouse.embedd.limits.max-inputs");
    }

    @Test
    void anInputLongerThanTheLimitIs400() {
        HttpResponse<String> response = post("/v1/embeddings",
                "{\"model\":\"all-minilm\",\"input\":[\"ok\",\"" + "x".repeat(32_769) + "\"]}");

        assertOpenAiError(response, 400, "input", "invalid_request");
        assertThat(message(response)).contains("input[1] has 32769 characters").contains("at most 32768");
    }

    @Test
    void ollamaFailingIs502InOpenAisShape() {
        ollama.failNext(3, 500, "llama runner process has terminated", null);

        HttpResponse<String> failing = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"failing\"}");

        assertOpenAiError(failing, 502, null, "backend_error");
        assertThat(message(failing)).contains("llama runner process has terminated");
    }

    @Test
    void ollamaBusyBeyondItsRetriesIs503WithRetryAfter() {
        ollama.failNext(3, 429, "server busy, please try again", "0");

        HttpResponse<String> busy = post("/v1/embeddings", "{\"model\":\"fake-embed\",\"input\":\"still busy\"}");

        assertOpenAiError(busy, 503, null, "backend_unavailable");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void modelsListsTheEmbeddingModelsInOpenAisFormat() {
        JsonNode models = json(get("/v1/models"));

        assertThat(models.path("object").asString()).isEqualTo("list");
        assertThat(models.path("data").valueStream().map(model -> model.path("id").asString()))
                .containsExactly("all-minilm", "fake-embed:latest");
        JsonNode fake = models.path("data").get(1);
        assertThat(fake.path("object").asString()).isEqualTo("model");
        assertThat(fake.path("owned_by").asString()).isEqualTo("ollama");
        assertThat(fake.path("created").asLong()).isEqualTo(1793527200L);
    }

    private static float[] floatsOf(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).floatValue();
        }
        return values;
    }

    static String message(HttpResponse<String> response) {
        return json(response).path("error").path("message").asString();
    }

    static void assertOpenAiError(HttpResponse<String> response, int status, @Nullable String param, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertJsonContentType(response);
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isEqualTo(status >= 500 ? "server_error" : "invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull() ? null : error.path("param").asString()).isEqualTo(param);
        assertThat(error.path("code").asString()).isEqualTo(code);
    }
}
