package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.SharedSuite;
import dev.lakehouse.e2e.support.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gateway's edge in the real suite: keys from the keys file, their limits, and the audit trail in the lake. */
class GatewayEdgeIT {

    private final Suite suite = SharedSuite.get();

    @AfterEach
    void onlyTheTestKeyRemains() {
        suite.writeKeysFile(List.of());
    }

    @Test
    void anonymousCallsAre401InTheRoutesShapeWhileHealthStaysOpen() {
        HttpResponse<String> embeddings = Http.postWithoutKey(suite.gateway().resolve("/v1/embeddings"), "{\"input\":\"hi\"}");
        HttpResponse<String> health = Http.getWithoutKey(suite.gateway().resolve("/v1/health"));

        assertThat(embeddings.statusCode()).isEqualTo(401);
        assertThat(Http.json(embeddings).path("error").path("type").asString()).isEqualTo("authentication_error");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void keyAddedToTheFileWorksWithoutARestartAndStopsWorkingWhenRevoked() {
        String secret = "lh_e2e-added-while-running-" + UUID.randomUUID();
        String entry = """
                  - id: key_added
                    sha256: %s
                    groups: [validate]
                """.formatted(Suite.sha256(secret));

        suite.writeKeysFile(List.of(entry));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(validateWith(secret)).isNotIn(401, 403));
        HttpResponse<String> otherGroup = Http.post(suite.gateway().resolve("/v1/replays"), "{}", "Authorization", "Bearer " + secret);
        suite.writeKeysFile(List.of());

        assertThat(otherGroup.statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(validateWith(secret)).isEqualTo(401));
    }

    @Test
    void keyOverItsRateIsTold429WithRetryAfter() {
        String secret = "lh_e2e-slow-" + UUID.randomUUID();
        suite.writeKeysFile(List.of("""
                  - id: key_slow
                    sha256: %s
                    groups: [validate]
                    rate: {requests-per-second: 0.2, burst: 1}
                """.formatted(Suite.sha256(secret))));
        await().atMost(Duration.ofSeconds(15)).until(() -> validateWith(secret) != 401);

        HttpResponse<String> second = Http.post(suite.gateway().resolve("/v1/validate"), "{}", "x-api-key", secret);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(second).path("code").asString()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void everyCallLeavesAnAuditRecordWithTheKeyIdAndNoSecretAnywhere() {
        String requestId = "edge-audit-" + UUID.randomUUID();
        Http.post(suite.gateway().resolve("/v1/validate"), "{}", "X-Request-Id", requestId);

        JsonNode record = await().atMost(Duration.ofSeconds(15)).until(() -> auditRecord(requestId), found -> found != null);

        assertThat(record.path("schema").asString()).isEqualTo("lakehouse.audit-event/v1");
        assertThat(record.path("keyId").asString()).isEqualTo(Suite.TEST_API_KEY_ID);
        assertThat(record.path("daemon").asString()).isEqualTo("validated");
        assertThat(record.path("routeGroup").asString()).isEqualTo("validate");
        assertThat(auditLines().anyMatch(line -> line.contains(Suite.TEST_API_KEY))).isFalse();
        for (String daemon : Suite.DAEMONS) {
            assertThat(suite.logs(daemon)).as("%s's logs", daemon).doesNotContain(Suite.TEST_API_KEY);
        }
    }

    @Test
    void modelsListEmbeddsInProcessModelInOpenAisFormat() {
        HttpResponse<String> response = Http.get(suite.gateway().resolve("/v1/models"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = Http.json(response);
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").valueStream().map(model -> model.path("id").asString())).contains("all-minilm");
    }

    private int validateWith(String secret) {
        return Http.post(suite.gateway().resolve("/v1/validate"), "{}", "Authorization", "Bearer " + secret).statusCode();
    }

    private JsonNode auditRecord(String requestId) {
        return auditLines().filter(line -> line.contains(requestId)).map(Http.JSON::readTree).findFirst().orElse(null);
    }

    private Stream<String> auditLines() {
        Path audit = suite.dataDir().resolve("lake/audit");
        if (!Files.isDirectory(audit)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(audit)) {
            return files.filter(Files::isRegularFile).toList().stream().flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    return Stream.empty();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
