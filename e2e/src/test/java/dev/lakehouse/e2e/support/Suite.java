package dev.lakehouse.e2e.support;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as real OS processes on free ports, started from the daemons' executable
 * jars exactly as {@code ./lakehouse up} starts them, each logging to its own file.
 */
public final class Suite implements AutoCloseable {

    public static final List<String> DAEMONS =
            List.of("gateway", "embedd", "vectord", "chatd", "validated", "materializerd", "replayd");
    public static final String TOKEN = "e2e-internal-token-0123456789abcdef";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path root = Path.of(System.getProperty("lakehouse.root", "..")).toAbsolutePath().normalize();
    private final Path dataDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new HashMap<>();
    private final Map<String, String> extraEnv;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Suite(Path dataDir, Map<String, String> extraEnv) {
        this.dataDir = dataDir;
        this.extraEnv = Map.copyOf(extraEnv);
        for (String daemon : DAEMONS) {
            ports.put(daemon, freePort());
        }
    }

    /** Starts every daemon and waits until all are ready. */
    public static Suite start(Path dataDir, Map<String, String> extraEnv) {
        Suite suite = new Suite(dataDir, extraEnv);
        try {
            DAEMONS.forEach(suite::launch);
            DAEMONS.forEach(suite::awaitReady);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public URI gateway() {
        return url("gateway");
    }

    public URI url(String daemon) {
        return URI.create("http://localhost:" + ports.get(daemon));
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile(String daemon) {
        return dataDir.resolve("logs").resolve(daemon + ".log");
    }

    /** Everything the daemon wrote to its log and access log so far. */
    public String logs(String daemon) {
        try {
            StringBuilder all = new StringBuilder(Files.readString(logFile(daemon)));
            Path access = dataDir.resolve("logs").resolve("access");
            if (Files.isDirectory(access)) {
                try (var files = Files.list(access)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(daemon)).toList()) {
                        all.append(Files.readString(file));
                    }
                }
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no goodbye. */
    public void kill(String daemon) {
        Process process = processes.remove(daemon);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void restart(String daemon) {
        kill(daemon);
        launch(daemon);
        awaitReady(daemon);
    }

    public boolean isAlive(String daemon) {
        Process process = processes.get(daemon);
        return process != null && process.isAlive();
    }

    private void launch(String daemon) {
        Path jar = root.resolve(daemon).resolve("target").resolve(daemon + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar " + jar + "; run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms32m", "-Xmx512m",
                // Start-up speed matters more than peak speed in tests; two cores host seven JVMs.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        try {
            Files.createDirectories(logFile(daemon).getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(daemon).toFile()));
            processes.put(daemon, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + daemon, e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("LAKEHOUSE_DATA_DIR", dataDir.toString());
        env.put("LAKEHOUSE_INTERNAL_TOKEN", TOKEN);
        ports.forEach((daemon, port) -> {
            String name = daemon.toUpperCase(Locale.ROOT);
            env.put("LAKEHOUSE_" + name + "_PORT", Integer.toString(port));
            env.put("LAKEHOUSE_" + name + "_URL", "http://localhost:" + port);
        });
        env.putAll(extraEnv);
        return env;
    }

    private void awaitReady(String daemon) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI readiness = url(daemon).resolve("/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            Process process = processes.get(daemon);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(daemon + " exited during start-up:\n" + tail(daemon));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(daemon + " not ready after " + READY_TIMEOUT + ":\n" + tail(daemon));
    }

    private String tail(String daemon) {
        try {
            List<String> lines = Files.readAllLines(logFile(daemon));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(process -> {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        });
        processes.clear();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
