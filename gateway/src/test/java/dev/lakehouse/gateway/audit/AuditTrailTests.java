package dev.lakehouse.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.gateway.EdgeTestBase;
import dev.lakehouse.gateway.TestKeys;
import dev.lakehouse.schemas.SchemaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditTrailTests extends EdgeTestBase {

    @Test
    void everyRequestLeavesOneValidRecordWithTheKeyIdAndNeverTheKey() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        sendWithKey(post("/v1/embeddings", "{\"input\":\"hello\"}").header("X-Request-Id", run + "-ok")
                .header("User-Agent", "OpenAI/Python 1.54.0"), TestKeys.ALL);
        send(post("/v1/embeddings", "{}").header("X-Request-Id", run + "-anonymous"));
        sendWithKey(post("/v1/chat/completions", "{}").header("X-Request-Id", run + "-forbidden"), TestKeys.EMBED_ONLY);
        sendWithKey(get("/v2/nothing").header("X-Request-Id", run + "-missing"), "lh_unknown-secret-key");
        send(get("/v1/health").header("X-Request-Id", run + "-health"));

        Map<String, JsonNode> records = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditRecords(run), found -> found.size() == 5);

        records.values().forEach(record ->
                assertThat(SchemaCatalog.standard().validate(record)).as(record.toString()).isEmpty());
        JsonNode ok = records.get(run + "-ok");
        assertThat(ok.path("keyId").asString()).isEqualTo("key_all");
        assertThat(ok.path("routeGroup").asString()).isEqualTo("embed");
        assertThat(ok.path("daemon").asString()).isEqualTo("embedd");
        assertThat(ok.path("status").asInt()).isEqualTo(200);
        assertThat(ok.path("bytesIn").asLong()).isEqualTo("{\"input\":\"hello\"}".length());
        assertThat(ok.path("bytesOut").asLong()).isEqualTo("{\"ok\":true,\"daemon\":\"embedd\"}".length());
        assertThat(ok.path("userAgent").asString()).isEqualTo("OpenAI/Python 1.54.0");
        assertThat(ok.path("path").asString()).isEqualTo("/v1/embeddings");
        assertThat(records.get(run + "-anonymous").path("status").asInt()).isEqualTo(401);
        assertThat(records.get(run + "-anonymous").path("error").asString()).isEqualTo("missing_api_key");
        assertThat(records.get(run + "-anonymous").has("keyId")).isFalse();
        assertThat(records.get(run + "-forbidden").path("keyId").asString()).isEqualTo("key_embed");
        assertThat(records.get(run + "-forbidden").path("error").asString()).isEqualTo("route_not_allowed");
        assertThat(records.get(run + "-missing").path("error").asString()).isEqualTo("invalid_api_key");
        assertThat(records.get(run + "-health").path("routeGroup").asString()).isEqualTo("health");
        assertThat(lakeText()).doesNotContain(TestKeys.ALL).doesNotContain(TestKeys.EMBED_ONLY)
                .doesNotContain("lh_unknown-secret-key").doesNotContain("Bearer");
    }

    @Test
    void anAnswerFromTheGatewaysCacheIsAuditedLikeOneFromEmbedd() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"input\":\"audited twice " + run + "\"}";
        sendWithKey(post("/v1/embeddings", body).header("X-Request-Id", run + "-first"), TestKeys.ALL);
        HttpResponse<String> repeat = sendWithKey(post("/v1/embeddings", body).header("X-Request-Id", run + "-repeat"),
                TestKeys.ALL);

        Map<String, JsonNode> records = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditRecords(run), found -> found.size() == 2);

        assertThat(repeat.headers().firstValue("X-Lakehouse-Cache")).hasValue("hit");
        JsonNode first = records.get(run + "-first");
        JsonNode cached = records.get(run + "-repeat");
        assertThat(cached.path("status").asInt()).isEqualTo(200);
        assertThat(cached.path("daemon").asString()).isEqualTo("embedd");
        assertThat(cached.path("keyId").asString()).isEqualTo("key_all");
        assertThat(cached.path("bytesIn").asLong()).isEqualTo(first.path("bytesIn").asLong()).isEqualTo(body.length());
        assertThat(cached.path("bytesOut").asLong()).isEqualTo(first.path("bytesOut").asLong()).isPositive();
    }

    @Test
    void probesAndScrapesAreNotAudited() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send(get("/actuator/health").header("X-Request-Id", run + "-probe"));
        send(get("/v1/health").header("X-Request-Id", run + "-marker"));

        await().atMost(Duration.ofSeconds(10)).until(() -> auditRecords(run).containsKey(run + "-marker"));

        assertThat(auditRecords(run)).doesNotContainKey(run + "-probe");
    }

    private static Map<String, JsonNode> auditRecords(String run) {
        return lakeLines().map(JSON::readTree)
                .filter(record -> record.path("requestId").asString().startsWith(run))
                .collect(Collectors.toMap(record -> record.path("requestId").asString(), Function.identity()));
    }

    private static String lakeText() {
        return String.join("\n", lakeLines().toList());
    }

    private static Stream<String> lakeLines() {
        Path audit = DATA_DIR.resolve("lake/audit");
        if (!Files.isDirectory(audit)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(audit)) {
            List<Path> segments = files.filter(Files::isRegularFile).toList();
            return segments.stream().flatMap(AuditTrailTests::lines).filter(line -> line.endsWith("}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
