package dev.lakehouse.vectord.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.VectordBootTests;
import dev.lakehouse.vectord.VectordTestClient;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PointApiTests extends VectordBootTests {

    @Test
    void upsertedPointIsReturnedWithItsPayloadAndVector() {
        String name = createCollection("points", "{\"dimension\": 3, \"metric\": \"l2\"}");

        JsonNode upserted = client.ok(client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"doc-1\", \"vector\": [1, 2, 3], \"payload\": {\"title\": \"Dune\", \"year\": 1965, \"tags\": [\"sf\"], \"meta\": {\"lang\": \"en\"}}}]}"));

        assertThat(upserted.path("upserted").asInt()).isEqualTo(1);
        assertThat(upserted.path("durability").asString()).isEqualTo("visible");
        JsonNode point = client.ok(client.get("/v1/collections/" + name + "/points/doc-1?withVector=true"));
        assertThat(point.path("id").asString()).isEqualTo("doc-1");
        assertThat(point.path("payload").path("title").asString()).isEqualTo("Dune");
        assertThat(point.path("payload").path("meta").path("lang").asString()).isEqualTo("en");
        assertThat(point.path("vector").valueStream().map(JsonNode::floatValue)).containsExactly(1f, 2f, 3f);
        assertThat(point.has("score")).isFalse();
    }

    @Test
    void upsertWithTheSameIdReplacesThePoint() {
        String name = createCollection("replace", "{\"dimension\": 2}");
        client.ok(client.post("/v1/collections/" + name + "/points", "{\"points\": [{\"id\": \"x\", \"vector\": [1, 0], \"payload\": {\"v\": 1}}]}"));

        client.ok(client.post("/v1/collections/" + name + "/points", "{\"points\": [{\"id\": \"x\", \"vector\": [0, 1], \"payload\": {\"v\": 2}}]}"));

        assertThat(client.ok(client.get("/v1/collections/" + name)).path("count").asLong()).isEqualTo(1);
        assertThat(client.ok(client.get("/v1/collections/" + name + "/points/x")).path("payload").path("v").asInt()).isEqualTo(2);
    }

    @Test
    void waitTrueAnswersOnlyOnceCommitted() {
        String name = createCollection("durable", "{\"dimension\": 2}");

        JsonNode upserted = client.ok(client.post("/v1/collections/" + name + "/points?wait=true",
                "{\"points\": [{\"id\": \"d\", \"vector\": [1, 1]}]}"));

        assertThat(upserted.path("durability").asString()).isEqualTo("durable");
        try (var files = java.nio.file.Files.list(DATA_DIR.resolve("vectord").resolve(name).resolve("index"))) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(file -> file.startsWith("segments_"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pointsAreDeletedByIdAndByFilter() {
        String name = createCollection("deletes", "{\"dimension\": 2}");
        client.ok(client.post("/v1/collections/" + name + "/points", "{\"points\": ["
                + "{\"id\": \"a\", \"vector\": [1, 0], \"payload\": {\"kind\": \"draft\"}},"
                + "{\"id\": \"b\", \"vector\": [0, 1], \"payload\": {\"kind\": \"draft\"}},"
                + "{\"id\": \"c\", \"vector\": [1, 1], \"payload\": {\"kind\": \"final\"}}]}"));

        JsonNode byId = client.ok(client.post("/v1/collections/" + name + "/points/delete", "{\"ids\": [\"a\", \"missing\"]}"));
        JsonNode byFilter = client.ok(client.post("/v1/collections/" + name + "/points/delete?wait=true",
                "{\"filter\": {\"must\": [{\"key\": \"kind\", \"match\": \"draft\"}]}}"));

        assertThat(byId.path("deleted").asLong()).isEqualTo(1);
        assertThat(byFilter.path("deleted").asLong()).isEqualTo(1);
        assertThat(byFilter.path("durability").asString()).isEqualTo("durable");
        assertThat(client.get("/v1/collections/" + name + "/points/a").statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/collections/" + name + "/points/b").statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/collections/" + name + "/points/c").statusCode()).isEqualTo(200);
    }

    @Test
    void missingPointIsA404Problem() {
        String name = createCollection("empty", "{\"dimension\": 2}");

        HttpResponse<String> response = client.get("/v1/collections/" + name + "/points/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("point_not_found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"points\": []}                                                             | invalid_points",
        "{\"points\": [{\"vector\": [1, 0]}]}                                         | invalid_id",
        "{\"points\": [{\"id\": \"\", \"vector\": [1, 0]}]}                           | invalid_id",
        "{\"points\": [{\"id\": \"a\"}]}                                              | invalid_point",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0], \"text\": \"both\"}]}      | invalid_point",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0, 0]}]}                       | wrong_dimension",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1e39, 0]}]}                       | invalid_vector",
        "{\"points\": [{\"id\": \"a\", \"vector\": [0, 0]}]}                          | zero_vector",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0], \"payload\": [1]}]}        | invalid_payload",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0], \"payload\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": {\"h\": {\"i\": 1}}}}}}}}}}]} | payload_too_deep",
        "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0]}, {\"id\": \"b\", \"text\": \"no model\"}]}            | no_embed_model"
    })
    void invalidPointIsA400WithTheReason(String body, String code) {
        String name = createCollection("invalid", "{\"dimension\": 2}");

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/points", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo(code);
        assertThat(client.ok(client.get("/v1/collections/" + name)).path("count").asLong()).isZero();
    }

    @Test
    void payloadKeyKeepsTheTypeItWasFirstGiven() {
        String name = createCollection("typed", "{\"dimension\": 2}");
        client.ok(client.post("/v1/collections/" + name + "/points", "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0], \"payload\": {\"year\": 1999}}]}"));

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"b\", \"vector\": [0, 1], \"payload\": {\"year\": \"nineteen\"}}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("payload_type_conflict");
        assertThat(VectordTestClient.json(response).path("detail").asString()).contains("year");
    }

    @Test
    void tooManyPointsIsA413() {
        String name = createCollection("bulk", "{\"dimension\": 2}");
        String points = IntStream.range(0, 1001).mapToObj(i -> "{\"id\": \"p" + i + "\", \"vector\": [1, 0]}")
                .collect(Collectors.joining(",", "{\"points\": [", "]}"));

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/points", points);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("too_many_points");
    }

    @Test
    void payloadOverTheLimitIsA413() {
        String name = createCollection("heavy", "{\"dimension\": 2}");
        String text = "x".repeat(70_000);

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"a\", \"vector\": [1, 0], \"payload\": {\"text\": \"" + text + "\"}}]}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("payload_too_large");
    }

    @Test
    void textIsRefusedWith503WhenEmbeddCannotBeReached() {
        String name = createCollection("texts", "{\"dimension\": 384, \"embedModel\": \"all-minilm\"}");

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/points",
                "{\"points\": [{\"id\": \"t\", \"text\": \"hello\"}]}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo("embedding_unavailable");
    }

    @Test
    void deleteNeedsExactlyOneOfIdsAndFilter() {
        String name = createCollection("delete-args", "{\"dimension\": 2}");

        HttpResponse<String> neither = client.post("/v1/collections/" + name + "/points/delete", "{}");
        HttpResponse<String> empty = client.post("/v1/collections/" + name + "/points/delete", "{\"filter\": {}}");

        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
    }
}
