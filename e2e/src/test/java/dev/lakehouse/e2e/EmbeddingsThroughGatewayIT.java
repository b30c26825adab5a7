package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Embeddings through the real gateway to the real embedd process, with its in-process model. */
class EmbeddingsThroughGatewayIT {

    private final Suite suite = SharedSuite.get();

    @Test
    void openAiEmbeddingsMissThenHitTheCache() {
        String body = "{\"model\":\"all-minilm\",\"input\":\"through the gateway " + UUID.randomUUID() + "\"}";

        HttpResponse<String> first = Http.post(suite.gateway().resolve("/v1/embeddings"), body);
        HttpResponse<String> second = Http.post(suite.gateway().resolve("/v1/embeddings"), body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Lakehouse-Cache")).hasValue("miss");
        assertThat(second.headers().firstValue("X-Lakehouse-Cache")).hasValue("hit");
        assertThat(second.headers().firstValue("Age")).as("answered by the gateway's cache").isPresent();
        JsonNode answer = Http.json(first);
        assertThat(answer.path("object").asString()).isEqualTo("list");
        assertThat(answer.path("model").asString()).isEqualTo("all-minilm");
        assertThat(answer.path("data").get(0).path("embedding").size()).isEqualTo(384);
        assertThat(answer.path("usage").path("prompt_tokens").asInt()).isPositive();
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void base64DecodesToTheFloatAnswer() {
        String request = "{\"model\":\"all-minilm\",\"input\":[\"one\",\"two\"]";

        JsonNode floats = Http.json(Http.post(suite.gateway().resolve("/v1/embeddings"), request + "}"));
        JsonNode base64 = Http.json(Http.post(suite.gateway().resolve("/v1/embeddings"),
                request + ",\"encoding_format\":\"base64\"}"));

        for (int i = 0; i < 2; i++) {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64.path("data").get(i).path("embedding").asString()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            JsonNode expected = floats.path("data").get(i).path("embedding");
            assertThat(bytes.remaining()).isEqualTo(384 * Float.BYTES);
            for (int d = 0; d < 384; d++) {
                assertThat(bytes.getFloat()).isEqualTo(expected.get(d).floatValue());
            }
        }
    }

    @Test
    void ollamaEmbedAnswersInOllamasFormat() {
        HttpResponse<String> response = Http.post(suite.gateway().resolve("/api/embed"),
                "{\"model\":\"all-minilm\",\"input\":\"hello world\"}");

        JsonNode answer = Http.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answer.path("embeddings").size()).isEqualTo(1);
        assertThat(answer.path("embeddings").get(0).size()).isEqualTo(384);
        assertThat(answer.path("prompt_eval_count").asInt()).isEqualTo(4);
        assertThat(answer.path("total_duration").asLong()).isPositive();
    }

    @Test
    void unknownModelIs404InEachApisShapeThroughTheGateway() {
        HttpResponse<String> openai = Http.post(suite.gateway().resolve("/v1/embeddings"),
                "{\"model\":\"all-minilm-nope\",\"input\":\"x\"}");
        HttpResponse<String> ollama = Http.post(suite.gateway().resolve("/api/embed"),
                "{\"model\":\"all-minilm-nope\",\"input\":\"x\"}");

        if (ollamaReachable()) {
            assertThat(openai.statusCode()).isEqualTo(404);
            assertThat(Http.json(openai).path("error").path("code").asString()).isEqualTo("model_not_found");
            assertThat(Http.json(openai).path("error").path("message").asString()).contains("all-minilm");
            assertThat(ollama.statusCode()).isEqualTo(404);
        } else {
            // Only Ollama could know the name: with it down the answer is 503, and the gateway passes it on.
            assertThat(openai.statusCode()).isEqualTo(503);
            assertThat(Http.json(openai).path("error").path("code").asString()).isEqualTo("backend_unavailable");
            assertThat(Http.json(openai).path("error").path("message").asString()).contains("all-minilm");
            assertThat(ollama.statusCode()).isEqualTo(503);
        }
        assertThat(Http.json(ollama).path("error").isString()).isTrue();
        assertThat(openai.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
    }

    @Test
    void invalidRequestIs400InOpenAisShapeThroughTheGateway() {
        HttpResponse<String> response = Http.post(suite.gateway().resolve("/v1/embeddings"),
                "{\"model\":\"all-minilm\",\"input\":[1,2,3]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(response).path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asString()).isEqualTo("input");
        assertThat(error.path("message").asString()).contains("token arrays are not supported");
    }

    @Test
    void embeddStaysUpInSuiteHealthAndShowsItsOllamaComponent() {
        JsonNode health = Http.json(Http.get(suite.gateway().resolve("/v1/health")));

        JsonNode embedd = health.path("daemons").valueStream()
                .filter(daemon -> daemon.path("name").asString().equals("embedd")).findFirst().orElseThrow();
        assertThat(embedd.path("status").asString()).isEqualTo("UP");
        assertThat(embedd.path("details").path("components").path("ollama").asString()).isIn("UP", "DOWN");
    }

    private boolean ollamaReachable() {
        JsonNode readiness = Http.json(Http.get(suite.url("embedd").resolve("/actuator/health/readiness")));
        return "UP".equals(readiness.path("components").path("ollama").path("status").asString());
    }
}
