package dev.lakehouse.vectord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.vectord.VectordBootTests;
import dev.lakehouse.vectord.VectordTestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class SearchApiTests extends VectordBootTests {

    /** Four books on the unit circle, with payloads of every filterable type. */
    private String books(String metric) {
        String name = createCollection("books", "{\"dimension\": 2, \"metric\": \"" + metric + "\"}");
        client.ok(client.post("/v1/collections/" + name + "/points", "{\"points\": ["
                + "{\"id\": \"dune\", \"vector\": [1, 0], \"payload\": {\"genre\": \"sf\", \"year\": 1965, \"inPrint\": true, \"tags\": [\"desert\", \"classic\"]}},"
                + "{\"id\": \"emma\", \"vector\": [0.8, 0.6], \"payload\": {\"genre\": \"romance\", \"year\": 1815, \"inPrint\": true, \"tags\": [\"classic\"]}},"
                + "{\"id\": \"neuromancer\", \"vector\": [0, 1], \"payload\": {\"genre\": \"sf\", \"year\": 1984, \"inPrint\": false, \"tags\": [\"cyber\"]}},"
                + "{\"id\": \"ulysses\", \"vector\": [-1, 0], \"payload\": {\"genre\": \"modernist\", \"year\": 1922, \"inPrint\": true, \"meta\": {\"lang\": \"en\"}}}]}"));
        return name;
    }

    private List<String> ids(String name, String search) {
        JsonNode results = client.ok(client.post("/v1/collections/" + name + "/search", search)).path("results");
        return results.valueStream().map(hit -> hit.path("id").asString()).toList();
    }

    @Test
    void resultsComeBestFirstWithCosineScores() {
        String name = books("cosine");

        JsonNode results = client.ok(client.post("/v1/collections/" + name + "/search", "{\"vector\": [2, 0], \"k\": 3}"))
                .path("results");

        assertThat(results.valueStream().map(hit -> hit.path("id").asString())).containsExactly("dune", "emma", "neuromancer");
        assertThat(results.get(0).path("score").floatValue()).isCloseTo(1f, within(1e-5f));
        assertThat(results.get(1).path("score").floatValue()).isCloseTo(0.8f, within(1e-5f));
        assertThat(results.get(2).path("score").floatValue()).isCloseTo(0f, within(1e-5f));
        assertThat(results.get(0).path("payload").path("genre").asString()).isEqualTo("sf");
        assertThat(results.get(0).has("vector")).isFalse();
    }

    @Test
    void dotScoresAreInnerProductsAndL2ScoresAreDistances() {
        String dot = books("dot");
        String l2 = books("l2");

        JsonNode dotHit = client.ok(client.post("/v1/collections/" + dot + "/search", "{\"vector\": [2, 0], \"k\": 1}")).path("results").get(0);
        JsonNode l2Hits = client.ok(client.post("/v1/collections/" + l2 + "/search", "{\"vector\": [0, 2], \"k\": 2}")).path("results");

        assertThat(dotHit.path("id").asString()).isEqualTo("dune");
        assertThat(dotHit.path("score").floatValue()).isCloseTo(2f, within(1e-4f));
        assertThat(l2Hits.get(0).path("id").asString()).isEqualTo("neuromancer");
        assertThat(l2Hits.get(0).path("score").floatValue()).isCloseTo(1f, within(1e-4f));
        assertThat(l2Hits.get(1).path("score").floatValue()).isCloseTo((float) Math.sqrt(0.64 + 1.96), within(1e-4f));
    }

    @Test
    void payloadAndVectorAreReturnedOnlyWhenAskedFor() {
        String name = books("cosine");

        JsonNode hit = client.ok(client.post("/v1/collections/" + name + "/search",
                "{\"vector\": [1, 0], \"k\": 1, \"withPayload\": false, \"withVector\": true}")).path("results").get(0);

        assertThat(hit.has("payload")).isFalse();
        assertThat(hit.path("vector").valueStream().map(JsonNode::floatValue)).containsExactly(1f, 0f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"must\": [{\"key\": \"genre\", \"match\": \"sf\"}]}                                        | dune,neuromancer",
        "{\"must\": [{\"key\": \"year\", \"match\": 1815}]}                                           | emma",
        "{\"must\": [{\"key\": \"inPrint\", \"match\": false}]}                                       | neuromancer",
        "{\"must\": [{\"key\": \"tags\", \"match\": \"classic\"}]}                                    | dune,emma",
        "{\"must\": [{\"key\": \"meta.lang\", \"match\": \"en\"}]}                                    | ulysses",
        "{\"must\": [{\"key\": \"genre\", \"any\": [\"romance\", \"modernist\"]}]}                    | emma,ulysses",
        "{\"must\": [{\"key\": \"year\", \"any\": [1965, 1922]}]}                                     | dune,ulysses",
        "{\"must\": [{\"key\": \"year\", \"range\": {\"gte\": 1922, \"lt\": 1984}}]}                  | dune,ulysses",
        "{\"must\": [{\"key\": \"year\", \"range\": {\"gt\": 1922}}]}                                 | dune,neuromancer",
        "{\"should\": [{\"key\": \"genre\", \"match\": \"romance\"}, {\"key\": \"year\", \"range\": {\"gt\": 1980}}]} | emma,neuromancer",
        "{\"mustNot\": [{\"key\": \"genre\", \"match\": \"sf\"}]}                                     | emma,ulysses",
        "{\"must\": [{\"key\": \"inPrint\", \"match\": true}], \"mustNot\": [{\"key\": \"tags\", \"match\": \"classic\"}]} | ulysses",
        "{\"must\": [{\"should\": [{\"key\": \"genre\", \"match\": \"sf\"}, {\"key\": \"genre\", \"match\": \"modernist\"}]}], \"mustNot\": [{\"key\": \"year\", \"match\": 1984}]} | dune,ulysses"
    })
    void filtersSelectByPayload(String filter, String expected) {
        String name = books("cosine");

        List<String> found = ids(name, "{\"vector\": [1, 0], \"k\": 10, \"filter\": " + filter + "}");

        assertThat(found).containsExactlyInAnyOrder(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"must\": [{\"key\": \"author\", \"match\": \"x\"}]}                 | invalid_filter",
        "{\"must\": [{\"key\": \"year\", \"match\": \"1965\"}]}                | filter_type_mismatch",
        "{\"must\": [{\"key\": \"genre\", \"range\": {\"gt\": 1}}]}            | invalid_filter",
        "{\"must\": [{\"key\": \"year\", \"range\": {\"around\": 1}}]}         | invalid_filter",
        "{\"must\": [{\"key\": \"genre\", \"any\": []}]}                        | invalid_filter",
        "{\"must\": [{\"key\": \"genre\"}]}                                     | invalid_filter",
        "{\"must\": {\"key\": \"genre\", \"match\": \"sf\"}}                    | invalid_filter",
        "{\"filter\": []}                                                       | invalid_filter"
    })
    void badFilterIsA400WithTheReason(String filter, String code) {
        String name = books("cosine");

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/search",
                "{\"vector\": [1, 0], \"filter\": " + filter + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo(code);
        assertThat(VectordTestClient.json(response).path("detail").asString()).startsWith("/filter");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"vector\": [1, 0], \"k\": 0}                          | invalid_k",
        "{\"vector\": [1, 0], \"k\": 1001}                       | invalid_k",
        "{\"vector\": [1, 0], \"k\": 10, \"numCandidates\": 5}   | invalid_num_candidates",
        "{\"vector\": [1, 0], \"numCandidates\": 10001}          | invalid_num_candidates",
        "{\"vector\": [1, 0, 0]}                                 | wrong_dimension",
        "{\"vector\": [0, 0]}                                    | zero_vector",
        "{\"vector\": [-3.5e38, 1e39]}                           | invalid_vector",
        "{}                                                      | invalid_search",
        "{\"vector\": [1, 0], \"text\": \"both\"}                | invalid_search",
        "{\"text\": \"no embed model\"}                          | no_embed_model"
    })
    void badSearchIsA400WithTheReason(String search, String code) {
        String name = books("cosine");

        HttpResponse<String> response = client.post("/v1/collections/" + name + "/search", search);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(response).path("code").asString()).isEqualTo(code);
    }

    @Test
    void restrictiveFilterStillReturnsKHits() {
        String name = createCollection("selective", "{\"dimension\": 8}");
        float[][] vectors = dev.lakehouse.vectord.TestVectors.random(3000, 8, 7);
        for (int from = 0; from < vectors.length; from += 1000) {
            int start = from;
            String points = IntStream.range(start, start + 1000).mapToObj(i -> "{\"id\": \"p" + i + "\", \"vector\": "
                    + dev.lakehouse.vectord.TestVectors.json(vectors[i]) + ", \"payload\": {\"rare\": " + (i % 250 == 0) + "}}")
                    .collect(Collectors.joining(",", "{\"points\": [", "]}"));
            client.ok(client.post("/v1/collections/" + name + "/points", points));
        }

        List<String> found = ids(name, "{\"vector\": " + dev.lakehouse.vectord.TestVectors.json(vectors[1]) + ", \"k\": 10, "
                + "\"filter\": {\"must\": [{\"key\": \"rare\", \"match\": true}]}}");

        assertThat(found).hasSize(10).allMatch(id -> Integer.parseInt(id.substring(1)) % 250 == 0);
    }

    @Test
    void batchAnswersEachSearchInOrder() {
        String name = books("cosine");

        JsonNode batch = client.ok(client.post("/v1/collections/" + name + "/search/batch", "{\"searches\": ["
                + "{\"vector\": [1, 0], \"k\": 1}, {\"vector\": [0, 1], \"k\": 2, \"withPayload\": false}]}"));

        assertThat(batch.path("searches")).hasSize(2);
        assertThat(batch.path("searches").get(0).path("results").get(0).path("id").asString()).isEqualTo("dune");
        assertThat(batch.path("searches").get(1).path("results")).hasSize(2);
        assertThat(batch.path("searches").get(1).path("results").get(0).path("id").asString()).isEqualTo("neuromancer");
    }

    @Test
    void batchOverTheLimitIsA413AndBadEntryIsNamed() {
        String name = books("cosine");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "{\"vector\": [1, 0]}")
                .collect(Collectors.joining(",", "{\"searches\": [", "]}"));

        HttpResponse<String> large = client.post("/v1/collections/" + name + "/search/batch", tooMany);
        HttpResponse<String> bad = client.post("/v1/collections/" + name + "/search/batch",
                "{\"searches\": [{\"vector\": [1, 0]}, {\"vector\": [1, 0], \"k\": 0}]}");

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(VectordTestClient.json(bad).path("detail").asString()).startsWith("/searches/1/k");
    }

    @Test
    void searchesAreTimedPerCollection() {
        String name = books("cosine");
        client.ok(client.post("/v1/collections/" + name + "/search", "{\"vector\": [1, 0]}"));

        String metrics = client.get("/actuator/prometheus").body();

        assertThat(metrics).contains("lakehouse_vectord_search_seconds_count{application=\"vectord\",collection=\"" + name + "\"}");
        assertThat(metrics).contains("lakehouse_vectord_upsert_seconds_bucket");
        assertThat(metrics).contains("lakehouse_vectord_collection_points{application=\"vectord\",collection=\"" + name + "\"} 4.0");
        assertThat(metrics).contains("lakehouse_vectord_collection_bytes{application=\"vectord\",collection=\"" + name + "\"}");
    }
}
