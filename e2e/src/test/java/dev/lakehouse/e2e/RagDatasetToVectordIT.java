package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rag dataset made from posted documents is pushed by materializerd into a real vectord
 * collection, embedded by vectord through the real embedd (in-process all-minilm), and can be
 * searched there by text; pushing the same version again changes nothing.
 */
class RagDatasetToVectordIT {

    private static final String DOCUMENTS = """
            [{"id":"refunds","text":"Refunds are issued within 14 days of the return arriving at the warehouse. Items must be unused and in their original packaging. Gift cards are not refundable.","metadata":{"title":"Refund policy"}},
             {"id":"shipping","text":"Orders ship within two working days. Express delivery arrives the next working day when ordered before noon.","metadata":{"title":"Shipping"}},
             {"id":"passwords","text":"To reset your password, open the sign-in page, choose forgot password and follow the link we email you. The link expires after one hour.","metadata":{"title":"Account help"}}]""";

    private final Suite suite = SharedSuite.get();

    @Test
    void ragDatasetIsPushedIntoVectordAndSearchableByText() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String collection = "e2e_rag_" + suffix;
        String request = """
                {"recipe":"rag","name":"e2e-rag-%s","options":{"chunkSize":120,"chunkOverlap":20,"push":{"collection":"%s"}},
                 "documents":%s}""".formatted(suffix, collection, DOCUMENTS);

        JsonNode job = materialize(request);

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
        long lines = job.path("counts").path("kept").asLong();
        assertThat(lines).isGreaterThanOrEqualTo(3);
        assertThat(job.path("push").path("pushed").asLong()).isEqualTo(lines);
        assertThat(pointCount(collection)).isEqualTo(lines);
        JsonNode hits = Http.json(Http.post(gateway("/v1/collections/" + collection + "/search"), """
                {"text":"how many days until I get my money back for a return","k":3,"withPayload":true}"""));
        assertThat(hits.path("results").get(0).path("payload").path("source").asString()).isEqualTo("refunds");

        JsonNode again = materialize(request);

        assertThat(again.path("dataset").path("reused").asBoolean()).isTrue();
        assertThat(again.path("push").path("pushed").asLong()).isEqualTo(lines);
        assertThat(pointCount(collection)).isEqualTo(lines);
    }

    private JsonNode materialize(String request) {
        HttpResponse<String> started = Http.post(gateway("/v1/materializations"), request);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Http.json(started).path("id").asString();
        JsonNode[] last = new JsonNode[1];
        // The first push loads embedd's model; later ones take milliseconds.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = Http.json(Http.get(gateway("/v1/materializations/" + id)));
            return !List.of("queued", "running").contains(last[0].path("state").asString());
        });
        return last[0];
    }

    private long pointCount(String collection) {
        return Http.json(Http.get(gateway("/v1/collections/" + collection))).path("count").asLong();
    }

    private URI gateway(String path) {
        return suite.gateway().resolve(path);
    }
}
