package dev.lakehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.e2e.support.Http;
import dev.lakehouse.e2e.support.Suite;
import dev.lakehouse.e2e.support.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's first command, {@code ./lakehouse up}, and its companions, run as a user runs them. */
class LauncherIT {

    private final Path root = Path.of(System.getProperty("lakehouse.root", "..")).toAbsolutePath().normalize();
    private final Map<String, String> env = new HashMap<>();
    private Path dataDir;

    @BeforeEach
    void isolatedSuite() throws IOException {
        dataDir = Files.createTempDirectory("lakehouse-launcher-");
        env.put("LAKEHOUSE_DATA_DIR", dataDir.toString());
        env.put("LAKEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        for (String daemon : Suite.DAEMONS) {
            env.put("LAKEHOUSE_" + daemon.toUpperCase(Locale.ROOT) + "_PORT", Integer.toString(freePort()));
        }
    }

    @AfterEach
    void stopEverything() {
        run("down");
        TempDirs.deleteQuietly(dataDir);
    }

    @Test
    void upInTheBackgroundStartsAllSevenAndASecondUpChangesNothing() throws Exception {
        Result up = run("up", "-d");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Lakehouse is up: " + gateway());
        for (String daemon : Suite.DAEMONS) {
            assertThat(up.output()).containsPattern(daemon + " +" + port(daemon) + " +\\d+ +UP");
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("internal-token")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String pidsBefore = pids();

        Result again = run("up", "-d");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running").contains("nothing changed");
        assertThat(pids()).isEqualTo(pidsBefore);
        assertThat(Http.json(Http.get(gateway().resolve("/v1/health"))).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void statusShowsAKilledDaemonDeadAndRestartBringsItBack() throws Exception {
        assertThat(run("up", "-d").exitCode()).isZero();
        long pid = Long.parseLong(Files.readString(dataDir.resolve("run/validated.pid")).strip());

        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> run("status").exitCode() == 3);

        Result status = run("status");
        assertThat(status.output()).containsPattern("validated +" + port("validated") + " +- +dead");
        assertThat(Http.json(Http.get(gateway().resolve("/v1/health"))).path("status").asString()).isEqualTo("DEGRADED");

        Result restart = run("restart", "validated");

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(run("status").exitCode()).isZero();
        assertThat(run("logs", "validated").output()).contains("Started ValidatedApplication");
    }

    @Test
    void upInTheForegroundStopsEverythingOnInterrupt() throws Exception {
        Process up = launcher("up").start();
        StringBuffer output = new StringBuffer();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var lines = up.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(line -> output.append(line).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofSeconds(200)).until(() -> output.toString().contains("Press Ctrl-C to stop"));
        assertThat(Http.get(gateway().resolve("/v1/health")).statusCode()).isEqualTo(200);
        List<Long> daemonPids = Suite.DAEMONS.stream().map(this::pidOf).toList();

        new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();

        assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        assertThat(output.toString()).contains("Lakehouse stopped");
        for (long pid : daemonPids) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        }
    }

    private URI gateway() {
        return URI.create("http://localhost:" + port("gateway"));
    }

    private String port(String daemon) {
        return env.get("LAKEHOUSE_" + daemon.toUpperCase(Locale.ROOT) + "_PORT");
    }

    private long pidOf(String daemon) {
        try {
            return Long.parseLong(Files.readString(dataDir.resolve("run/" + daemon + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pids() {
        return String.join(",", Suite.DAEMONS.stream().map(d -> Long.toString(pidOf(d))).toList());
    }

    private ProcessBuilder launcher(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("lakehouse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder;
    }

    private Result run(String... args) {
        try {
            Process process = launcher(args).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./lakehouse " + String.join(" ", args) + " hung:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
