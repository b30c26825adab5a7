package dev.lakehouse.materializerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daemon's executable jar as a real process: killed with SIGKILL in the middle of a job,
 * started again, it resumes the job on its pinned input and finishes it; the version appears
 * complete, exactly once, and asking again returns it.
 */
class MaterializerdCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RECORDS = 150_000;
    private static final String REQUEST = "{\"recipe\":\"sft\",\"name\":\"crashed\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port = freePort();
    private Process daemon;

    @TempDir
    Path data;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void aJobKilledMidwayIsResumedAfterRestartAndItsVersionIsComplete() throws Exception {
        writeLake();
        start();
        String id = JSON.readTree(send("POST", "/v1/materializations", REQUEST).body()).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode job = job(id);
            return job.path("state").asString().equals("running") && job.path("counts").path("read").asLong() > 0;
        });

        daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        JsonNode onDisk = JSON.readTree(data.resolve("materializerd/jobs/" + id + ".json").toFile());
        Path versions = data.resolve("lake/datasets/sft/crashed");
        assertThat(onDisk.path("state").asString()).isEqualTo("running");
        assertThat(onDisk.path("inputs")).isNotEmpty();
        assertThat(versions).doesNotExist();

        start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("queued", "running").contains(job(id).path("state").asString()));
        JsonNode resumed = job(id);

        assertThat(resumed.path("state").asString()).as(resumed.toString()).isEqualTo("succeeded");
        assertThat(resumed.path("restarts").asInt()).isEqualTo(1);
        assertThat(resumed.path("counts").path("read").asLong()).isEqualTo(RECORDS);
        assertThat(resumed.path("counts").path("kept").asLong()).isEqualTo(RECORDS);
        try (var listing = Files.list(versions)) {
            assertThat(listing.map(path -> path.getFileName().toString()).toList()).containsExactly("v1");
        }
        assertThat(data.resolve("lake/datasets/.staging/" + id)).doesNotExist();
        everyFileMatchesItsManifest(versions.resolve("v1"));
        JsonNode again = JSON.readTree(send("POST", "/v1/materializations", REQUEST).body());
        await().atMost(Duration.ofSeconds(60)).until(() -> job(again.path("id").asString()).path("state").asString().equals("succeeded"));
        assertThat(job(again.path("id").asString()).path("dataset").path("reused").asBoolean()).isTrue();
    }

    private void everyFileMatchesItsManifest(Path version) throws Exception {
        JsonNode manifest = JSON.readTree(version.resolve("manifest.json").toFile());
        long lines = 0;
        for (JsonNode file : manifest.path("files")) {
            byte[] content = Files.readAllBytes(version.resolve(file.path("name").asString()));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .isEqualTo(file.path("sha256").asString());
            assertThat((long) content.length).isEqualTo(file.path("bytes").asLong());
            lines += file.path("lines").asLong();
        }
        assertThat(lines).isEqualTo(RECORDS);
    }

    private void writeLake() throws IOException {
        Path segment = data.resolve("lake/observations/dt=2026-11-24/chatd-crash-000000.jsonl");
        Files.createDirectories(segment.getParent());
        String template = Files.readAllLines(TestLakes.GOLDEN.resolve("observations/dt=2026-11-24/chatd-a1-000000.jsonl"))
                .getFirst();
        try (BufferedWriter out = Files.newBufferedWriter(segment)) {
            for (int i = 0; i < RECORDS; i++) {
                out.write(template.replace("obs_a1", "obs_crash_" + i).replace("the report is late", "report " + i + " is late"));
                out.write('\n');
            }
        }
    }

    private void start() throws Exception {
        Path jar = Path.of("target/materializerd-exec.jar").toAbsolutePath();
        assertThat(jar).as("run after package").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("materializerd.log").toFile()));
        builder.environment().put("LAKEHOUSE_DATA_DIR", data.toString());
        builder.environment().put("LAKEHOUSE_INTERNAL_TOKEN", DaemonContractTests.TOKEN);
        builder.environment().put("LAKEHOUSE_MATERIALIZERD_PORT", Integer.toString(port));
        daemon = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            assertThat(daemon.isAlive()).as(Files.readString(data.resolve("materializerd.log"))).isTrue();
            return send("GET", "/actuator/health/readiness", null).statusCode() == 200;
        });
    }

    private JsonNode job(String id) throws Exception {
        return JSON.readTree(send("GET", "/v1/materializations/" + id, null).body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Lakehouse-Internal-Token", DaemonContractTests.TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
