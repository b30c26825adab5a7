package dev.lakehouse.vectord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vectord as a real process (its executable jar) killed with SIGKILL at random moments while
 * clients write with {@code wait=true}, others write without it and a merge may be running:
 * after every restart it serves, and every write it acknowledged as durable is there.
 */
class DurabilityIT {

    private static final String TOKEN = "durability-it-token-0123456789";
    private static final int ROUNDS = 5;

    @TempDir
    Path dataDir;

    private Process daemon;
    private VectordTestClient client;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void everyWriteAcknowledgedWithWaitSurvivesKillNine() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int port = freePort();
        start(port);
        client.ok(client.put("/v1/collections/durable", "{\"dimension\": 8}"));

        for (int round = 0; round < ROUNDS; round++) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> writers = List.of(
                    writer(round, "wait", true, running, random.split()),
                    writer(round, "wait2", true, running, random.split()),
                    writer(round, "fast", false, running, random.split()));
            if (round % 2 == 1) {
                Thread.ofVirtual().start(() -> client.post("/v1/collections/durable/optimize", ""));
            }
            Thread.sleep(300 + random.nextInt(1500));

            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            running.set(false);
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30));
            }
            start(port);

            assertThat(client.get("/v1/collections/durable").statusCode()).as("seed %d round %d", seed, round).isEqualTo(200);
            List<String> missing = acknowledged.stream()
                    .filter(id -> client.get("/v1/collections/durable/points/" + id).statusCode() != 200).toList();
            assertThat(missing).as("acknowledged with wait=true but lost (seed %d, round %d)", seed, round).isEmpty();
        }
        assertThat(acknowledged).as("the test wrote something").hasSizeGreaterThan(ROUNDS);
    }

    private Thread writer(int round, String name, boolean wait, AtomicBoolean running, SplittableRandom random) {
        return Thread.ofPlatform().start(() -> {
            for (int batch = 0; running.get(); batch++) {
                List<String> ids = new ArrayList<>();
                StringBuilder body = new StringBuilder("{\"points\": [");
                int size = 1 + random.nextInt(20);
                for (int i = 0; i < size; i++) {
                    String id = "r" + round + "-" + name + "-" + batch + "-" + i;
                    ids.add(id);
                    body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(id).append("\", \"vector\": ")
                            .append(TestVectors.json(TestVectors.random(1, 8, random.nextLong())[0]))
                            .append(", \"payload\": {\"round\": ").append(round).append("}}");
                }
                try {
                    HttpResponse<String> response = client.post("/v1/collections/durable/points" + (wait ? "?wait=true" : ""),
                            body.append("]}").toString());
                    if (wait && response.statusCode() == 200) {
                        acknowledged.addAll(ids);
                    }
                } catch (UncheckedIOException e) {
                    return;
                }
            }
        });
    }

    private void start(int port) throws Exception {
        Path jar = Path.of("target", "vectord-exec.jar").toAbsolutePath();
        assertThat(jar).as("run after package").exists();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "--add-modules", "jdk.incubator.vector",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        builder.environment().put("LAKEHOUSE_DATA_DIR", dataDir.toString());
        builder.environment().put("LAKEHOUSE_INTERNAL_TOKEN", TOKEN);
        builder.environment().put("LAKEHOUSE_VECTORD_PORT", Integer.toString(port));
        daemon = builder.start();
        client = new VectordTestClient(java.net.URI.create("http://localhost:" + port), TOKEN);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(daemon.isAlive()).as("vectord exited; see %s", logFile()).isTrue();
            try {
                if (client.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("vectord not ready after 120 s; see " + logFile());
    }

    private Path logFile() throws IOException {
        return Files.createDirectories(dataDir.resolve("logs")).resolve("vectord-it.log");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
