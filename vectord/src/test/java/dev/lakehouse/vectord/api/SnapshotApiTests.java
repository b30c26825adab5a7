package dev.lakehouse.vectord.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.vectord.TestVectors;
import dev.lakehouse.vectord.VectordBootTests;
import dev.lakehouse.vectord.VectordTestClient;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SnapshotApiTests extends VectordBootTests {

    private static final float[][] VECTORS = TestVectors.random(500, 16, 11);

    private String filledCollection() {
        String name = createCollection("source", "{\"dimension\": 16, \"metric\": \"l2\", \"quantization\": \"int8\"}");
        String points = IntStream.range(0, VECTORS.length).mapToObj(i -> "{\"id\": \"p" + i + "\", \"vector\": "
                + TestVectors.json(VECTORS[i]) + ", \"payload\": {\"even\": " + (i % 2 == 0) + "}}")
                .collect(Collectors.joining(",", "{\"points\": [", "]}"));
        client.ok(client.post("/v1/collections/" + name + "/points", points));
        return name;
    }

    private JsonNode search(String name, int query) {
        return client.ok(client.post("/v1/collections/" + name + "/search", "{\"vector\": " + TestVectors.json(VECTORS[query])
                + ", \"k\": 10, \"filter\": {\"must\": [{\"key\": \"even\", \"match\": true}]}}")).path("results");
    }

    @Test
    void collectionCreatedFromASnapshotAnswersSearchesLikeTheOriginal() {
        String source = filledCollection();
        JsonNode snapshot = client.ok(client.post("/v1/collections/" + source + "/snapshots", ""));
        String copy = uniqueName("copy");

        HttpResponse<String> created = client.put("/v1/collections/" + copy, "{\"fromSnapshot\": {\"collection\": \""
                + source + "\", \"snapshot\": \"" + snapshot.path("id").asString() + "\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode described = VectordTestClient.json(created);
        assertThat(described.path("count").asLong()).isEqualTo(500);
        assertThat(described.path("metric").asString()).isEqualTo("l2");
        assertThat(described.path("quantization").asString()).isEqualTo("int8");
        for (int query : new int[] {0, 17, 333}) {
            assertThat(search(copy, query)).isEqualTo(search(source, query));
        }
    }

    @Test
    void snapshotHoldsThePointsAtItsMomentOnly() {
        String source = filledCollection();
        JsonNode snapshot = client.ok(client.post("/v1/collections/" + source + "/snapshots", ""));
        client.ok(client.post("/v1/collections/" + source + "/points", "{\"points\": [{\"id\": \"later\", \"vector\": "
                + TestVectors.json(VECTORS[0]) + "}]}"));
        String copy = uniqueName("copy");

        client.ok(client.put("/v1/collections/" + copy, "{\"fromSnapshot\": {\"collection\": \"" + source
                + "\", \"snapshot\": \"" + snapshot.path("id").asString() + "\"}}"));

        assertThat(snapshot.path("points").asLong()).isEqualTo(500);
        assertThat(client.ok(client.get("/v1/collections/" + copy)).path("count").asLong()).isEqualTo(500);
        assertThat(client.get("/v1/collections/" + copy + "/points/later").statusCode()).isEqualTo(404);
    }

    @Test
    void snapshotsAreListedAndDeletedAndOutliveTheirCollection() {
        String source = filledCollection();
        String id = client.ok(client.post("/v1/collections/" + source + "/snapshots", "")).path("id").asString();
        client.ok(client.delete("/v1/collections/" + source));

        JsonNode listed = client.ok(client.get("/v1/collections/" + source + "/snapshots"));
        HttpResponse<String> deleted = client.delete("/v1/collections/" + source + "/snapshots/" + id);

        assertThat(listed.path("snapshots").valueStream().map(s -> s.path("id").asString())).containsExactly(id);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(client.ok(client.get("/v1/collections/" + source + "/snapshots")).path("snapshots")).isEmpty();
    }

    @Test
    void unknownSnapshotIsA404AndFromSnapshotFixesTheSpec() {
        String source = filledCollection();

        HttpResponse<String> missing = client.put("/v1/collections/" + uniqueName("copy"),
                "{\"fromSnapshot\": {\"collection\": \"" + source + "\", \"snapshot\": \"nope\"}}");
        HttpResponse<String> overSpecified = client.put("/v1/collections/" + uniqueName("copy"),
                "{\"dimension\": 16, \"fromSnapshot\": {\"collection\": \"" + source + "\", \"snapshot\": \"nope\"}}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(VectordTestClient.json(missing).path("code").asString()).isEqualTo("snapshot_not_found");
        assertThat(overSpecified.statusCode()).isEqualTo(400);
    }
}
