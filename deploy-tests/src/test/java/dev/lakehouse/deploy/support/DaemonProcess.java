package dev.lakehouse.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One daemon started from its executable jar as an OS process, alone, on a free port, with its
 * data in a temp directory: how {@code ./lakehouse up} runs it, minus the peers.
 */
public final class DaemonProcess implements AutoCloseable {

    public static final String TOKEN = "deploy-tests-internal-token-0123456789";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    private final Daemon daemon;
    private final int port;
    private final Path log;
    private final Process process;

    private DaemonProcess(Daemon daemon, int port, Path log, Process process) {
        this.daemon = daemon;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static DaemonProcess start(Daemon daemon, Path dataDir, Map<String, String> environment) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(JDK.resolve("bin/java").toString(), "-Xms32m", "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-jar", Repository.executableJar(daemon.id()).toString()));
        Path log = dataDir.resolve(daemon.id() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("LAKEHOUSE_DATA_DIR", dataDir.toString(),
                "LAKEHOUSE_INTERNAL_TOKEN", TOKEN, daemon.portVariable(), Integer.toString(port)));
        builder.environment().putAll(environment);
        try {
            DaemonProcess started = new DaemonProcess(daemon, port, log, builder.start());
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + daemon.id(), e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Http peer() {
        return Http.asPeer(url(), TOKEN);
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the JVM for a full collection (jcmd GC.run), so GC metrics exist on a quiet daemon. */
    public void collectGarbage() {
        Commands.run(List.of(JDK.resolve("bin/jcmd").toString(), Long.toString(pid()), "GC.run"),
                Duration.ofSeconds(30)).orThrow(List.of("jcmd", "GC.run"));
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(daemon.id() + " exited during start-up:\n" + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url().resolve("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException(daemon.id() + " not ready after " + READY_TIMEOUT + ":\n" + logTail());
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
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
}
