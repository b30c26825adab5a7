package dev.lakehouse.materializerd.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdTestBase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Idempotency, immutability, counts and the dataset endpoints, over the golden lake. */
class DatasetApiTests extends MaterializerdTestBase {

    @Test
    void askingAgainReturnsTheExistingVersionAndWritesNothing() throws Exception {
        String request = """
                {"recipe":"sft","name":"again","filters":{"roles":["email-writer","assistant"]}}""";
        JsonNode first = materialize(request);
        byte[] before = Files.readAllBytes(versionDir("sft", "again", 1).resolve("part-00000.jsonl"));

        JsonNode second = materialize(request);

        assertThat(first.path("dataset").path("version").asInt()).isEqualTo(1);
        assertThat(first.path("dataset").path("reused").asBoolean()).isFalse();
        assertThat(second.path("state").asString()).isEqualTo("succeeded");
        assertThat(second.path("dataset").path("version").asInt()).isEqualTo(1);
        assertThat(second.path("dataset").path("reused").asBoolean()).isTrue();
        assertThat(Files.exists(versionDir("sft", "again", 2))).isFalse();
        assertThat(Files.readAllBytes(versionDir("sft", "again", 1).resolve("part-00000.jsonl"))).isEqualTo(before);
    }

    @Test
    void filtersGivenInAnotherOrderAreTheSameRequest() {
        JsonNode first = materialize("""
                {"recipe":"sft","name":"order","filters":{"roles":["email-writer","assistant"]}}""");

        JsonNode second = materialize("""
                {"recipe":"sft","name":"order","filters":{"roles":["assistant","email-writer","assistant"]}}""");

        assertThat(second.path("dataset").path("version").asInt()).isEqualTo(first.path("dataset").path("version").asInt());
    }

    @Test
    void otherOptionsMakeANewVersionAndLeaveTheOldOneAsItWas() throws Exception {
        JsonNode first = materialize("""
                {"recipe":"sft","name":"evolving"}""");
        String manifestBefore = Files.readString(versionDir("sft", "evolving", 1).resolve("manifest.json"));

        JsonNode second = materialize("""
                {"recipe":"sft","name":"evolving","options":{"maxRecords":1}}""");

        assertThat(first.path("dataset").path("version").asInt()).isEqualTo(1);
        assertThat(second.path("dataset").path("version").asInt()).isEqualTo(2);
        assertThat(second.path("counts").path("kept").asLong()).isEqualTo(1);
        assertThat(Files.readString(versionDir("sft", "evolving", 1).resolve("manifest.json"))).isEqualTo(manifestBefore);
    }

    @Test
    void countsSayWhatWasReadKeptDroppedTornAndInvalid() {
        JsonNode job = materialize("""
                {"recipe":"sft","name":"counted"}""");

        JsonNode counts = job.path("counts");
        assertThat(counts.path("read").asLong()).isEqualTo(10);
        assertThat(counts.path("kept").asLong()).isEqualTo(4);
        assertThat(counts.path("dropped").path("duplicate").asLong()).isEqualTo(1);
        assertThat(counts.path("dropped").path("outcome").asLong()).isEqualTo(4);
        assertThat(counts.path("dropped").path("tool_messages").asLong()).isEqualTo(1);
        assertThat(counts.path("tornLines").asLong()).isEqualTo(1);
        assertThat(counts.path("invalidLines").asLong()).isEqualTo(1);
    }

    @Test
    void manifestPinsEachInputSegmentsCompleteLines() {
        JsonNode job = materialize("""
                {"recipe":"sft","name":"pinned"}""");

        JsonNode manifest = json(get("/v1/datasets/pinned/v" + job.path("dataset").path("version").asInt()));
        JsonNode segments = manifest.path("inputs").path("segments");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(1).path("name").asString()).isEqualTo("observations/dt=2026-11-25/chatd-a1-000001.jsonl.open");
        long withTorn = LAKE_DIR.resolve(segments.get(1).path("name").asString()).toFile().length();
        assertThat(segments.get(1).path("bytes").asLong()).isLessThan(withTorn);
        assertThat(manifest.path("software").path("name").asString()).isEqualTo("materializerd");
        assertThat(manifest.path("fingerprint").asString()).hasSize(64);
    }

    @Test
    void redactionLeavesNoEmailPhoneOrCardInTheFiles() throws Exception {
        materialize("""
                {"recipe":"sft","name":"redacted"}""");

        String content = Files.readString(versionDir("sft", "redacted", 1).resolve("part-00000.jsonl"));
        assertThat(content).contains("[EMAIL]", "[PHONE]", "[CARD]")
                .doesNotContain("bob@example.com", "ana.lopez@example.org", "555-0132", "4111 1111")
                .contains("2026-11-24");
    }

    @Test
    void listShowsEachDatasetWithItsVersions() {
        materialize("""
                {"recipe":"preference","name":"listed"}""");

        JsonNode list = json(get("/v1/datasets"));

        JsonNode listed = Stream.of(list.path("datasets").valueStream().toArray(JsonNode[]::new))
                .filter(dataset -> dataset.path("name").asString().equals("listed")).findFirst().orElseThrow();
        assertThat(listed.path("recipe").asString()).isEqualTo("preference");
        assertThat(listed.path("latest").asInt()).isEqualTo(1);
        assertThat(listed.path("versions").get(0).path("lines").asLong()).isEqualTo(3);
    }

    @Test
    void aFileIsServedWithItsShaAsETagAndNotResentWhenUnchanged() {
        materialize("""
                {"recipe":"sft","name":"etag"}""");
        HttpResponse<byte[]> first = getBytes("/v1/datasets/etag/1/files/part-00000.jsonl");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = getBytes("/v1/datasets/etag/1/files/part-00000.jsonl", "If-None-Match", etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        JsonNode job = materialize("""
                {"recipe":"sft","name":"finished"}""");

        HttpResponse<String> response = delete("/v1/materializations/" + job.path("id").asString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(get("/v1/materializations/" + job.path("id").asString())).path("state").asString())
                .isEqualTo("succeeded");
    }

    @Test
    void startAnswers202WithTheJobAndItsLocation() {
        HttpResponse<String> response = post("/v1/materializations", """
                {"recipe":"rag","name":"located","documents":[{"id":"d1","text":"Hello there."}]}""");

        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).path("id").asString();
        assertThat(id).startsWith("mat_");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/materializations/" + id);
        assertThat(json(response).path("state").asString()).isIn("queued", "running", "succeeded");
        assertThat(awaitFinished(id).path("state").asString()).isEqualTo("succeeded");
    }

    private static Path versionDir(String recipe, String name, int version) {
        return LAKE_DIR.resolve("datasets").resolve(recipe).resolve(name).resolve("v" + version);
    }
}
