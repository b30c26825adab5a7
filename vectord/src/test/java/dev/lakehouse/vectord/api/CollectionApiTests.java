package dev.lakehouse.vectord.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.VectordBootTests;
import dev.lakehouse.vectord.VectordTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class CollectionApiTests extends VectordBootTests {

    @Test
    void createdCollectionIsDescribedAndListed() {
        String name = uniqueName("books");

        HttpResponse<String> created = client.put("/v1/collections/" + name,
                "{\"dimension\": 4, \"metric\": \"dot\", \"quantization\": \"int8\", \"embedModel\": \"all-minilm\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode described = client.ok(client.get("/v1/collections/" + name));
        assertThat(described.path("dimension").asInt()).isEqualTo(4);
        assertThat(described.path("metric").asString()).isEqualTo("dot");
        assertThat(described.path("quantization").asString()).isEqualTo("int8");
        assertThat(described.path("embedModel").asString()).isEqualTo("all-minilm");
        assertThat(described.path("count").asLong()).isZero();
        assertThat(described.path("bytesOnDisk").asLong()).isPositive();
        JsonNode listing = client.ok(client.get("/v1/collections"));
        assertThat(listing.path("collections").valueStream().map(c -> c.path("name").asString())).contains(name);
    }

    @Test
    void metricAndQuantizationDefaultToCosineAndNone() {
        String name = createCollection("defaults", "{\"dimension\": 8}");

        JsonNode described = client.ok(client.get("/v1/collections/" + name));

        assertThat(described.path("metric").asString()).isEqualTo("cosine");
        assertThat(described.path("quantization").asString()).isEqualTo("none");
        assertThat(described.has("embedModel")).isFalse();
    }

    @Test
    void listingCountsPointsAndBytes() {
        String name = createCollection("counted", "{\"dimension\": 2}");
        client.ok(client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0]}, {\"id\": \"b\", \"vector\": [0, 1]}]}"));

        JsonNode entry = client.ok(client.get("/v1/collections")).path("collections").valueStream()
                .filter(c -> c.path("name").asString().equals(name)).findFirst().orElseThrow();

        assertThat(entry.path("count").asLong()).isEqualTo(2);
        assertThat(entry.path("bytesOnDisk").asLong()).isPositive();
    }

    @Test
    void creatingAnExistingCollectionIsAConflict() {
        String name = createCollection("twice", "{\"dimension\": 2}");

        HttpResponse<String> again = client.put("/v1/collections/" + name, "{\"dimension\": 2}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(VectordTestClient.json(again).path("code").asString()).isEqualTo("collection_exists");
    }

    @Test
    void deletedCollectionIsGoneWithItsFiles() {
        String name = createCollection("doomed", "{\"dimension\": 2}");

        HttpResponse<String> deleted = client.delete("/v1/collections/" + name);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(client.get("/v1/collections/" + name).statusCode()).isEqualTo(404);
        assertThat(DATA_DIR.resolve("vectord").resolve(name)).doesNotExist();
    }

    @Test
    void unknownCollectionIsA404Problem() {
        HttpResponse<String> response = client.get("/v1/collections/no-such-collection");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("collection_not_found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"dimension\": 0}                              | invalid_dimension",
        "{\"dimension\": 4097}                           | invalid_dimension",
        "{}                                              | invalid_dimension",
        "{\"dimension\": 4, \"metric\": \"hamming\"}     | invalid_metric",
        "{\"dimension\": 4, \"quantization\": \"int2\"}  | invalid_quantization",
        "{\"dimension\": 5, \"quantization\": \"int4\"}  | invalid_dimension",
        "{\"dimension\": 4, \"embedModel\": \"\"}        | invalid_embed_model"
    })
    void invalidSpecIsA400WithTheReason(String body, String code) {
        HttpResponse<String> response = client.put("/v1/collections/" + uniqueName("bad"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo(code);
        assertThat(VectordTestClient.json(response).path("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"-starts-with-dash", "has.dot", "..", "name-longer-than-sixty-four-characters-is-refused-by-vectord-xxxxxxx"})
    void invalidNameIsA400(String name) {
        HttpResponse<String> response = client.put("/v1/collections/" + name, "{\"dimension\": 4}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("invalid_collection_name");
    }

    @Test
    void largestDimensionIsAccepted() {
        String name = createCollection("wide", "{\"dimension\": 4096}");
        String vector = "[" + "0.5,".repeat(4095) + "0.5]";

        HttpResponse<String> upsert = client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"w\", \"vector\": " + vector + "}]}");

        assertThat(upsert.statusCode()).isEqualTo(200);
        JsonNode hit = client.ok(client.post("/v1/collections/" + name + "/search", "{\"vector\": " + vector + "}"));
        assertThat(hit.path("results").get(0).path("id").asString()).isEqualTo("w");
    }

    @ParameterizedTest
    @CsvSource({"cosine, none", "cosine, int8", "cosine, int4", "dot, int8", "dot, int4", "l2, int8", "l2, int4"})
    void everyMetricAndQuantizationFindsAPointByItsOwnVector(String metric, String quantization) {
        String name = createCollection("combo", "{\"dimension\": 4, \"metric\": \"" + metric + "\", \"quantization\": \""
                + quantization + "\"}");
        client.ok(client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"near\", \"vector\": [0.6, 0.8, 0, 0]}, {\"id\": \"far\", \"vector\": [-0.6, 0, 0.8, 0]}]}"));

        JsonNode hit = client.ok(client.post("/v1/collections/" + name + "/search", "{\"vector\": [0.6, 0.8, 0, 0], \"k\": 1}"))
                .path("results").get(0);

        assertThat(hit.path("id").asString()).isEqualTo("near");
        float expected = metric.equals("l2") ? 0f : 1f;
        assertThat(hit.path("score").floatValue()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-3f));
    }

    @Test
    void optimizeMergesTheCollectionIntoOneSegment() {
        String name = createCollection("merged", "{\"dimension\": 2}");
        for (int i = 0; i < 3; i++) {
            client.ok(client.post("/v1/collections/" + name + "/points",
                    "{\"points\": [{\"id\": \"p" + i + "\", \"vector\": [1, " + i + "]}]}"));
        }

        JsonNode optimized = client.ok(client.post("/v1/collections/" + name + "/optimize", ""));

        assertThat(optimized.path("segments").asInt()).isEqualTo(1);
        assertThat(optimized.path("count").asLong()).isEqualTo(3);
    }
}
