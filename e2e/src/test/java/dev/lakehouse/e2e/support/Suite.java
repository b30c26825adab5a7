package dev.lakehouse.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
    /** The all-access API key of the suite's keys file; {@link Http} sends it unless told otherwise. */
    public static final String TEST_API_KEY = "lh_e2e-all-access-test-key-0123456789abcdefghijk";
    /** Its id, as daemons see it in {@code X-Lakehouse-Key-Id} and the audit records it. */
    public static final String TEST_API_KEY_ID = "key_e2e";
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

    /**
     * Starts every daemon and waits until all are ready. Unless {@code extraEnv} names another
     * keys file, the gateway reads {@link #keysFile()}, which holds {@link #TEST_API_KEY}.
     */
    public static Suite start(Path dataDir, Map<String, String> extraEnv) {
        Suite suite = new Suite(dataDir, extraEnv);
        if (!extraEnv.containsKey("LAKEHOUSE_API_KEYS_FILE")) {
            suite.writeKeysFile(List.of());
        }
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

    /** The gateway's keys file ({@code LAKEHOUSE_API_KEYS_FILE}); tests may add keys to it while the suite runs. */
    public Path keysFile() {
        return Path.of(extraEnv.getOrDefault("LAKEHOUSE_API_KEYS_FILE", dataDir.resolve("api-keys.yml").toString()));
    }

    /**
     * Writes the keys file: the all-access test key (no rate or concurrency limit a test could
     * reach) and {@code moreEntries}, YAML entries of the keys file format (see docs/readme/gateway.md).
     * The gateway applies it within its reload interval.
     */
    public void writeKeysFile(List<String> moreEntries) {
        StringBuilder yaml = new StringBuilder("keys:\n");
        yaml.append("  - id: ").append(TEST_API_KEY_ID).append("\n")
                .append("    name: e2e tests\n")
                .append("    sha256: ").append(sha256(TEST_API_KEY)).append("\n")
                .append("    groups: [embed, vectors, chat, validate, datasets, replays, admin]\n")
                .append("    rate: {requests-per-second: 1000000, burst: 1000000}\n")
                .append("    max-concurrent: 4096\n");
        moreEntries.forEach(entry -> yaml.append(entry.endsWith("\n") ? entry : entry + "\n"));
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, "api-keys", ".tmp");
            Files.writeString(temp, yaml);
            Files.move(temp, keysFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-case hex sha256, as the keys file stores a key. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        env.put("LAKEHOUSE_API_KEYS_FILE", keysFile().toString());
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
