package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Text in, text out through the gateway: vectord embeds points and queries with the real
 * embedd (its in-process all-minilm model) and finds sentences by meaning.
 */
class VectorTextSearchIT {

    private final Suite suite = SharedSuite.get();

    private URI collection(String name, String path) {
        return suite.gateway().resolve("/v1/collections/" + name + path);
    }

    private String filledCollection() {
        String name = "texts-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = put(collection(name, ""), "{\"dimension\": 384, \"embedModel\": \"all-minilm\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> upserted = Http.post(collection(name, "/points?wait=true"), """
                {"points": [
                  {"id": "cats", "text": "Cats purr and chase mice around the house.", "payload": {"topic": "animals"}},
                  {"id": "dogs", "text": "Dogs bark at the mail carrier and love long walks.", "payload": {"topic": "animals"}},
                  {"id": "bread", "text": "Knead the dough, let it rise, then bake the loaf for forty minutes.", "payload": {"topic": "cooking"}},
                  {"id": "rates", "text": "The central bank raised interest rates to fight inflation.", "payload": {"topic": "finance"}},
                  {"id": "rocket", "text": "The rocket reached orbit after a flawless launch.", "payload": {"topic": "space"}}
                ]}""");
        assertThat(upserted.statusCode()).as(upserted.body()).isEqualTo(200);
        return name;
    }

    private JsonNode search(String name, String body) {
        HttpResponse<String> response = Http.post(collection(name, "/search"), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).path("results");
    }

    @Test
    void textQueryFindsTheSentenceWithTheSameMeaning() {
        String name = filledCollection();

        JsonNode results = search(name, "{\"text\": \"baking a loaf of bread at home\", \"k\": 2}");

        assertThat(results.get(0).path("id").asString()).isEqualTo("bread");
        assertThat(results.get(0).path("score").floatValue()).isGreaterThan(results.get(1).path("score").floatValue());
        assertThat(search(name, "{\"text\": \"monetary policy and the economy\", \"k\": 1}").get(0).path("id").asString())
                .isEqualTo("rates");
    }

    @Test
    void textQueryWithAFilterStaysInsideIt() {
        String name = filledCollection();

        JsonNode results = search(name, "{\"text\": \"a pet that meows\", \"k\": 5, "
                + "\"filter\": {\"must\": [{\"key\": \"topic\", \"match\": \"animals\"}]}}");

        assertThat(results.valueStream().map(hit -> hit.path("id").asString())).containsExactly("cats", "dogs");
    }

    @Test
    void storedVectorIsEmbeddsEmbeddingOfTheText() {
        String name = filledCollection();
        JsonNode embedding = Http.json(Http.post(suite.gateway().resolve("/v1/embeddings"),
                "{\"model\": \"all-minilm\", \"input\": \"The rocket reached orbit after a flawless launch.\"}"))
                .path("data").get(0).path("embedding");

        JsonNode stored = Http.json(Http.get(collection(name, "/points/rocket?withVector=true"))).path("vector");

        assertThat(stored).hasSize(384);
        assertThat(cosine(stored, embedding)).isGreaterThan(0.999);
    }

    /** A PUT as a client with the suite's all-access key sends it ({@link Http} has no PUT). */
    private static HttpResponse<String> put(URI uri, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + Suite.TEST_API_KEY)
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double cosine(JsonNode a, JsonNode b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i).doubleValue() * b.get(i).doubleValue();
            normA += a.get(i).doubleValue() * a.get(i).doubleValue();
            normB += b.get(i).doubleValue() * b.get(i).doubleValue();
        }
        return dot / Math.sqrt(normA * normB);
    }
}
