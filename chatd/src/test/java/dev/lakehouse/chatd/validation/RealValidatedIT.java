package dev.lakehouse.chatd.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import dev.lakehouse.chatd.ChatdHarness;
import dev.lakehouse.chatd.fakes.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Contract validation through the real validated, started from its executable jar as its own
 * process (build it first: {@code ./mvnw -q install -DskipTests -pl validated -am}).
 */
class RealValidatedIT extends ChatdHarness {

    private static final Path JAR = Path.of("..", "validated", "target", "validated-exec.jar").toAbsolutePath().normalize();
    private static final Validated VALIDATED_PROCESS = Validated.start();
    private static final String GOOD_EMAIL = "{\"to\":[\"bob@example.com\"],\"cc\":[],\"bcc\":[],\"subject\":\"Report delayed\","
            + "\"body\":\"Hi Bob,\\n\\nthe quarterly report will be two days late.\\n\\nBest regards,\\nAna\"}";
    private static final String BAD_EMAIL = "{\"to\":[\"bob@\"],\"cc\":[],\"bcc\":[],\"subject\":\"Report delayed\","
            + "\"body\":\"Hi [Name],\\n\\nthe report will be late.\"}";

    /** Its own context (a property of its own), created with chatd pointed at the real validated. */
    @DynamicPropertySource
    static void realValidated(DynamicPropertyRegistry registry) {
        validatedUrl = VALIDATED_PROCESS::url;
        registry.add("lakehouse.test.validated", () -> "real");
    }

    @AfterAll
    static void stopValidated() {
        VALIDATED_PROCESS.stop();
    }

    @Test
    void aValidEmailPassesTheRealEmailValidator() {
        OPENAI.enqueue(Wire.openAiAnswer(GOOD_EMAIL, 30, 40));

        HttpResponse<String> response = post("/v1/chat/completions", chat(null, "Tell bob@example.com the report is late."),
                "X-Lakehouse-Role", "email-writer");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = observationOf(response).path("validation");
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("contract").asString()).isEqualTo("email");
        assertThat(verdict.path("validatorVersion").asString()).isNotEqualTo("stand-in/1").isNotBlank();
    }

    @Test
    void anInvalidEmailIsReaskedWithTheRealViolations() {
        OPENAI.enqueue(Wire.openAiAnswer(BAD_EMAIL, 30, 40), Wire.openAiAnswer(GOOD_EMAIL, 60, 40));

        HttpResponse<String> response = post("/v1/chat/completions", chat(null, "Tell bob@example.com the report is late."),
                "X-Lakehouse-Role", "email-writer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode attempts = observationOf(response).path("attempts");
        assertThat(attempts.get(0).path("status").asString()).isEqualTo("invalid");
        assertThat(attempts.get(0).path("violations").valueStream().map(v -> v.path("code").asString()))
                .anySatisfy(code -> assertThat(code).startsWith("email."));
        assertThat(attempts.get(1).path("reask").asBoolean()).isTrue();
        assertThat(OPENAI.lastRequest().json().path("messages").valueStream().toList().getLast().path("content").asString())
                .contains("email.");
    }

    @Test
    void aShiftFillGroundedInTheRequestPassesAndProseIsRejected() {
        JsonNode golden = goldenShiftFill();
        String source = golden.path("context").path("source").asString();
        GEMINI.enqueue(Wire.geminiAnswer(JSON.writeValueAsString(golden.path("payload")), 200, 120),
                Wire.geminiAnswer("Sure! The shift is on Tuesday.", 200, 10));
        String ask = "{\"messages\":[{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(source) + "}]}";

        HttpResponse<String> filled = post("/v1/chat/completions", ask, "X-Lakehouse-Role", "form-filler");
        HttpResponse<String> prose = post("/v1/chat/completions", ask, "X-Lakehouse-Role", "form-filler");

        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        assertThat(observationOf(filled).path("validation").path("contract").asString())
                .isEqualTo("fill:lakehouse.contract.shift-fill/v1");
        assertThat(prose.statusCode()).isEqualTo(422);
        assertThat(observationOf(prose).path("outcome").asString()).isEqualTo("rejected");
    }

    private static JsonNode goldenShiftFill() {
        try (InputStream in = RealValidatedIT.class.getResourceAsStream(
                "/dev/lakehouse/schemas/golden/contract.shift-fill-v1.valid.jsonl")) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** validated as an OS process on a free port, logging to a temp file. */
    record Validated(Process process, String url, Path log) {

        static Validated start() {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException("no " + JAR + ": build validated first (./mvnw -q install -DskipTests -pl validated -am)");
            }
            try {
                Path data = Files.createTempDirectory("chatd-validated-it-");
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                        .redirectErrorStream(true).redirectOutput(data.resolve("validated.log").toFile());
                builder.environment().put("LAKEHOUSE_INTERNAL_TOKEN", DaemonContractTests.TOKEN);
                builder.environment().put("LAKEHOUSE_VALIDATED_PORT", Integer.toString(port));
                builder.environment().put("LAKEHOUSE_DATA_DIR", data.toString());
                Validated validated = new Validated(builder.start(), "http://127.0.0.1:" + port, data.resolve("validated.log"));
                validated.awaitReady();
                return validated;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void awaitReady() {
            HttpClient http = HttpClient.newHttpClient();
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("validated exited with " + process.exitValue());
                    }
                    return ready(http);
                });
            } catch (RuntimeException notReady) {
                stop();
                throw new IllegalStateException("validated did not start: " + String.join("\n", tail()), notReady);
            }
        }

        private boolean ready(HttpClient http) throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException stillStarting) {
                return false;
            }
        }

        List<String> tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return lines.subList(Math.max(0, lines.size() - 30), lines.size());
            } catch (IOException e) {
                return List.of();
            }
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
