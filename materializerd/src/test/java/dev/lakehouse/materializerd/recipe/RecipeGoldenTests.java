package dev.lakehouse.materializerd.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdTestBase;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each recipe on the golden lake, compared byte for byte with the expected files in
 * {@code src/test/resources/expected/<dataset>/}; every line valid against the schema its
 * manifest names, the manifest valid against {@code lakehouse.dataset-manifest/v1}. Run with
 * {@code UPDATE_GOLDEN=true} to rewrite the expected files after a deliberate change (and
 * review the diff, and bump the recipe's version).
 */
class RecipeGoldenTests extends MaterializerdTestBase {

    private static final Path EXPECTED = Path.of("src/test/resources/expected");
    private static final SchemaCatalog SCHEMAS = SchemaCatalog.standard();

    static Stream<Arguments> recipes() {
        return Stream.of(
                Arguments.of("sft-all", """
                        {"recipe":"sft","name":"sft-all"}"""),
                Arguments.of("sft-filtered", """
                        {"recipe":"sft","name":"sft-filtered","filters":{"roles":["assistant"],"providers":["openai","anthropic"],
                         "maxTokens":500,"from":"2026-11-24","to":"2026-11-25"},"options":{"redact":false,"dedupe":false}}"""),
                Arguments.of("sft-split", """
                        {"recipe":"sft","name":"sft-split","options":{"evalRatio":0.5}}"""),
                Arguments.of("preference-openai", """
                        {"recipe":"preference","name":"preference-openai"}"""),
                Arguments.of("preference-trl", """
                        {"recipe":"preference","name":"preference-trl","options":{"format":"trl"}}"""),
                Arguments.of("rag-observations", """
                        {"recipe":"rag","name":"rag-observations","options":{"chunkSize":400,"chunkOverlap":50}}"""),
                Arguments.of("rag-documents", """
                        {"recipe":"rag","name":"rag-documents","options":{"chunkSize":200,"chunkOverlap":20},"documents":[
                         {"id":"refunds","text":"Refunds are issued within 14 days of the return arriving at the warehouse. Items must be unused and in their original packaging. Write to returns@shop.example with your order number, or call 020 7946 0958 between nine and five. Gift cards are not refundable.","metadata":{"title":"Refund policy","lang":"en","public":true}},
                         {"id":"shipping","text":"Orders ship within two working days.","metadata":{"title":"Shipping"}}]}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void recipeOnTheGoldenLakeWritesTheExpectedFiles(String name, String request) throws Exception {
        JsonNode job = materialize(request);

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
        JsonNode manifest = json(get("/v1/datasets/" + name + "/" + job.path("dataset").path("version").asInt()));
        assertThat(SCHEMAS.validate(manifest)).isEmpty();
        assertThat(manifest.path("files")).isNotEmpty();
        for (JsonNode file : manifest.path("files")) {
            String fileName = file.path("name").asString();
            HttpResponse<byte[]> download = getBytes("/v1/datasets/" + name + "/v1/files/" + fileName);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/x-ndjson"));
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(download.body().length);
            assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha256(download.body()) + "\"");
            assertThat(file.path("sha256").asString()).isEqualTo(sha256(download.body()));
            everyLineIsValid(download.body(), SchemaId.parse(file.path("format").asString()), file.path("lines").asLong());
            assertMatchesExpected(name, fileName, download.body());
        }
    }

    private static void everyLineIsValid(byte[] content, SchemaId format, long lines) {
        String[] split = new String(content, StandardCharsets.UTF_8).split("\n");
        assertThat(split).hasSize((int) lines);
        for (String line : split) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.has("schema")).isFalse();
            assertThat(SCHEMAS.validate(format, record)).as(line).isEmpty();
        }
    }

    private static void assertMatchesExpected(String dataset, String file, byte[] actual) throws IOException {
        Path expected = EXPECTED.resolve(dataset).resolve(file);
        if (Boolean.parseBoolean(System.getenv("UPDATE_GOLDEN"))) {
            Files.createDirectories(expected.getParent());
            Files.write(expected, actual);
        }
        assertThat(expected).as("expected file " + expected + " (UPDATE_GOLDEN=true writes it)").exists();
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(Files.readString(expected));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
