import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * replayd's benchmark: records replayed per second from a lake of observations against a
 * zero-latency fake chatd (and a zero-latency fake embedd for the similarity), with the real
 * validated judging both sides; the cost of checkpoints (the default batch of 16 against 1,024);
 * replayd's resident memory (peak VmRSS sampled every 200 ms, and VmHWM).
 *
 *   java ReplayBench.java <replayd-exec.jar> <validated-exec.jar> <observations dir> <records> <runs>
 *
 * Starts the fakes, validated and replayd itself (with the heaps ./lakehouse gives them) and
 * stops them. Each run asks for the largest rate and concurrency replayd accepts (1,000 calls/s,
 * 32 in flight) and all three comparisons. Run it under the build lock.
 */
public final class ReplayBench {

    static final String TOKEN = "bench-internal-token-0123456789";
    static final AtomicLong CHAT_CALLS = new AtomicLong();
    static final AtomicLong EMBED_CALLS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path replaydJar = Path.of(args[0]);
        Path validatedJar = Path.of(args[1]);
        Path observations = Path.of(args[2]).toAbsolutePath();
        int records = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        HttpServer fakes = fakes();
        String fakeUrl = "http://127.0.0.1:" + fakes.getAddress().getPort();
        HttpClient client = HttpClient.newHttpClient();
        System.out.printf("machine: %d cores, java %s; %d records per run%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), records);

        Daemon validated = start("validated", validatedJar, "384m", Map.of(), List.of());
        try {
            awaitReady(validated);
            for (int batch : new int[] {16, 1024}) {
                Path data = Files.createTempDirectory("replayd-bench-");
                Files.createDirectories(data.resolve("lake"));
                Files.createSymbolicLink(data.resolve("lake/observations"), observations);
                Daemon replayd = start("replayd", replaydJar, "256m", Map.of("LAKEHOUSE_DATA_DIR", data.toString(),
                        "LAKEHOUSE_CHATD_URL", fakeUrl, "LAKEHOUSE_EMBEDD_URL", fakeUrl,
                        "LAKEHOUSE_VALIDATED_URL", validated.url()), List.of("--lakehouse.replayd.batch-size=" + batch));
                try {
                    awaitReady(replayd);
                    for (int run = 1; run <= runs; run++) {
                        replay(client, replayd, records, batch, run);
                    }
                    System.out.printf(Locale.ROOT, "replayd batch-size %d: VmHWM %d MiB%n", batch,
                            status(replayd.process().pid(), "VmHWM") / 1024);
                } finally {
                    stop(replayd);
                }
            }
        } finally {
            stop(validated);
            fakes.stop(0);
        }
    }

    static void replay(HttpClient client, Daemon replayd, int records, int batch, int run) throws Exception {
        String body = "{\"source\":{\"observations\":{}},\"target\":{\"model\":\"openai/gpt-bench\"},"
                + "\"concurrency\":32,\"ratePerSecond\":1000,\"maxRecords\":" + records + "}";
        long chatBefore = CHAT_CALLS.get();
        long embedBefore = EMBED_CALLS.get();
        long start = System.nanoTime();
        HttpResponse<String> created = client.send(request(replayd.url() + "/v1/replays")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /v1/replays: " + created.statusCode() + " " + created.body());
        }
        String location = replayd.url() + created.headers().firstValue("Location").orElseThrow();
        long peakRss = 0;
        String state;
        String view;
        do {
            Thread.sleep(200);
            peakRss = Math.max(peakRss, status(replayd.process().pid(), "VmRSS"));
            view = client.send(request(location).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            state = field(view, "state");
        } while (state.equals("queued") || state.equals("running"));
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = Long.parseLong(field(view, "done"));
        System.out.printf(Locale.ROOT, "batch-size %d, run %d: %s, %d records in %.1f s = %.0f records/s "
                        + "(%d chatd calls, %d embedd calls, %s errors, %s regressed); peak RSS %d MiB%n",
                batch, run, state, done, seconds, done / seconds, CHAT_CALLS.get() - chatBefore, EMBED_CALLS.get() - embedBefore, field(view, "errors"),
                field(view, "regressed"), peakRss / 1024);
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("X-Lakehouse-Internal-Token", TOKEN);
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** A field of /proc/<pid>/status in KiB. */
    static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    /** chatd's OpenAI answer and embedd's OpenAI embeddings, both at once and the same every time. */
    static HttpServer fakes() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] answer = ("{\"id\":\"chatcmpl-r\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-bench\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"to\\\":[\\\"ana@example.com\\\"],"
                + "\\\"subject\\\":\\\"Shift update\\\",\\\"body\\\":\\\"The Monday shift starts at 9. Ana\\\"}\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", exchange -> {
            CHAT_CALLS.incrementAndGet();
            respond(exchange, answer);
        });
        StringBuilder vector = new StringBuilder();
        for (int i = 0; i < 384; i++) {
            vector.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", Math.sin(i) / 14));
        }
        byte[] embeddings = ("{\"object\":\"list\",\"model\":\"all-minilm\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                + "\"embedding\":[" + vector + "]},{\"object\":\"embedding\",\"index\":1,\"embedding\":[" + vector + "]}],"
                + "\"usage\":{\"prompt_tokens\":40,\"total_tokens\":40}}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/embeddings", exchange -> {
            EMBED_CALLS.incrementAndGet();
            respond(exchange, embeddings);
        });
        server.start();
        return server;
    }

    static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    record Daemon(Process process, String url) {
    }

    static Daemon start(String name, Path jar, String heap, Map<String, String> env, List<String> args) throws IOException {
        Path logs = Files.createTempDirectory(name + "-bench-log-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("LAKEHOUSE_INTERNAL_TOKEN", TOKEN);
        builder.environment().put("LAKEHOUSE_" + name.toUpperCase(Locale.ROOT) + "_PORT", Integer.toString(port));
        if (!env.containsKey("LAKEHOUSE_DATA_DIR")) {
            builder.environment().put("LAKEHOUSE_DATA_DIR", logs.toString());
        }
        System.out.println(name + ": port " + port + ", log " + logs.resolve(name + ".log") + " " + args);
        return new Daemon(builder.start(), "http://127.0.0.1:" + port);
    }

    static void awaitReady(Daemon daemon) throws Exception {
        HttpClient probe = HttpClient.newHttpClient();
        for (int i = 0; i < 240 && daemon.process().isAlive(); i++) {
            try {
                if (probe.send(HttpRequest.newBuilder(URI.create(daemon.url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(daemon.url() + " did not become ready");
    }

    static void stop(Daemon daemon) throws InterruptedException {
        daemon.process().destroy();
        if (!daemon.process().waitFor(20, TimeUnit.SECONDS)) {
            daemon.process().destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
