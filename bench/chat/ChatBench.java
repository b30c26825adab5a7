import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chatd's benchmark (issue 5): added latency of chatd over calling a zero-latency fake OpenAI
 * directly, at constant request rates with an open-loop schedule (every request's latency is
 * measured from the moment it was due, so a stall delays the requests behind it and counts:
 * no coordinated omission); time to the first streamed token (the first SSE chunk with text),
 * directly and through chatd; the
 * observation queue (records written per second at full speed, drops at a tiny queue).
 *
 *   java ChatBench.java <chatd-exec.jar> [seconds per measurement, default 30]
 *
 * Starts the fake and chatd itself (with the JVM flags ./lakehouse gives chatd) and stops them.
 * Run it under the build lock.
 */
public final class ChatBench {

    static final String TOKEN = "bench-internal-token-0123456789";
    static final String BODY = "{\"model\":\"openai/gpt-bench\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
    static final String STREAM_BODY = "{\"model\":\"openai/gpt-bench\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
    static final byte[] ANSWER = ("{\"id\":\"chatcmpl-b\",\"object\":\"chat.completion\",\"created\":1764000000,"
            + "\"model\":\"gpt-bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"Hello! How can I help you today?\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,"
            + "\"completion_tokens\":9,\"total_tokens\":18}}").getBytes(StandardCharsets.UTF_8);
    static final List<byte[]> STREAM = streamChunks();

    public static void main(String[] args) throws Exception {
        // A zero-latency fake must not hold back its second small write for the client's delayed ACK (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (args.length > 3 && "compare".equals(args[2])) {
            compare(jar, Path.of(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 10, seconds);
            return;
        }
        HttpServer fake = fakeOpenAi();
        String fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        System.out.printf("machine: %d cores, java %s; %d s per measurement%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), seconds);

        Chatd chatd = startChatd(jar, fakeUrl, List.of());
        try {
            String chatdUrl = awaitReady(chatd);
            URI direct = URI.create(fakeUrl + "/v1/chat/completions");
            URI through = URI.create(chatdUrl + "/v1/chat/completions");
            System.out.println("warm-up ...");
            run(client, direct, BODY, 500, Math.max(10, seconds / 2), false);
            run(client, through, BODY, 500, Math.max(20, seconds), false);
            for (int rate : new int[] {100, 1000}) {
                Result base = run(client, direct, BODY, rate, seconds, false);
                Result via = run(client, through, BODY, rate, seconds, false);
                report("non-streamed @" + rate + " req/s", base, via);
            }
            Result baseTtfb = run(client, direct, STREAM_BODY, 100, seconds, true);
            Result viaTtfb = run(client, through, STREAM_BODY, 100, seconds, true);
            report("stream time to first token @100 req/s", baseTtfb, viaTtfb);
            double[] written = counters(client, chatdUrl);
            long start = System.nanoTime();
            Result burst = run(client, through, BODY, 2000, 10, false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] after = awaitDrained(client, chatdUrl, written[0] + burst.ok);
            System.out.printf(Locale.ROOT, "observations at 2000 req/s offered for 10 s: %d answered, %.0f records written"
                    + " (%.0f/s), %.0f dropped; chatd p50 %.2f ms, p99 %.2f ms%n", burst.ok, after[0] - written[0],
                    (after[0] - written[0]) / elapsed, after[1] - written[1], burst.percentile(50), burst.percentile(99));
        } finally {
            stop(chatd);
        }

        Chatd tiny = startChatd(jar, fakeUrl, List.of("--lakehouse.lake.queue-capacity=1"));
        try {
            String chatdUrl = awaitReady(tiny);
            URI through = URI.create(chatdUrl + "/v1/chat/completions");
            run(client, through, BODY, 500, 5, false);
            double[] before = counters(client, chatdUrl);
            Result burst = run(client, through, BODY, 1000, 10, false);
            Thread.sleep(1500);
            double[] after = counters(client, chatdUrl);
            System.out.printf(Locale.ROOT, "queue capacity 1 at 1000 req/s for 10 s: %d of %d answered 200, %.0f written,"
                    + " %.0f dropped (lakehouse_lake_records_dropped_total)%n", burst.ok, burst.sent,
                    after[0] - before[0], after[1] - before[1]);
        } finally {
            stop(tiny);
            fake.stop(0);
        }
    }

    /**
     * Two chatd builds (or flags) side by side on one fake, at 100 req/s: each round measures the
     * fake directly, both chatds (in alternating order) and the fake again, and a chatd's added p50
     * is its p50 minus the mean of the two direct ones, so both see the same state of the machine.
     */
    static void compare(Path jarA, Path jarB, int rounds, int seconds) throws Exception {
        HttpServer fake = fakeOpenAi();
        String fakeUrl = "http://127.0.0.1:" + fake.getAddress().getPort();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        System.out.printf("machine: %d cores, java %s; compare at 100 req/s, %d rounds of %d s per measurement%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rounds, seconds);
        Chatd a = startChatd(jarA, fakeUrl, List.of(), "CHATD_JVM_OPTS");
        Chatd b = startChatd(jarB, fakeUrl, List.of(), "CHATD_B_OPTS");
        try {
            URI direct = URI.create(fakeUrl + "/v1/chat/completions");
            URI viaA = URI.create(awaitReady(a) + "/v1/chat/completions");
            URI viaB = URI.create(awaitReady(b) + "/v1/chat/completions");
            System.out.println("warm-up ...");
            run(client, direct, BODY, 500, 10, false);
            run(client, viaA, BODY, 500, 30, false);
            run(client, viaB, BODY, 500, 30, false);
            List<Double> addedA = new ArrayList<>();
            List<Double> addedB = new ArrayList<>();
            int bLower = 0;
            for (int round = 0; round < rounds; round++) {
                Result before = run(client, direct, BODY, 100, seconds, false);
                Paced ofA;
                Paced ofB;
                if (round % 2 == 0) {
                    ofA = paced(client, a, viaA, seconds);
                    ofB = paced(client, b, viaB, seconds);
                } else {
                    ofB = paced(client, b, viaB, seconds);
                    ofA = paced(client, a, viaA, seconds);
                }
                Result after = run(client, direct, BODY, 100, seconds, false);
                double directP50 = (before.percentile(50) + after.percentile(50)) / 2;
                double a50 = ofA.result().percentile(50) - directP50;
                double b50 = ofB.result().percentile(50) - directP50;
                addedA.add(a50);
                addedB.add(b50);
                bLower += b50 < a50 ? 1 : 0;
                System.out.printf(Locale.ROOT, "round %d: direct p50 %.3f / %.3f ms | added p50 A %.3f ms, B %.3f ms"
                        + " | thread switches per request A %.2f, B %.2f%n", round + 1, before.percentile(50),
                        after.percentile(50), a50, b50, ofA.switchesPerRequest(), ofB.switchesPerRequest());
            }
            addedA.sort(null);
            addedB.sort(null);
            System.out.printf(Locale.ROOT, "median added p50 over %d rounds: A %.3f ms, B %.3f ms; B lower in %d%n",
                    rounds, addedA.get(rounds / 2), addedB.get(rounds / 2), bLower);
        } finally {
            stop(a);
            stop(b);
            fake.stop(0);
        }
    }

    /** One open-loop measurement: requests due every 1/rate s, latency from due time to the end (or first byte). */
    static Result run(HttpClient client, URI uri, String body, int rate, int seconds, boolean firstByte)
            throws InterruptedException {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> overheads = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        java.util.Map<String, AtomicInteger> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Thread.startVirtualThread(() -> {
                try {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").header("X-Lakehouse-Internal-Token", TOKEN)
                            .header("Authorization", "Bearer sk-bench").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    response.headers().firstValue("X-Lakehouse-Overhead-Ms")
                            .ifPresent(value -> overheads.add(Double.parseDouble(value)));
                    byte[] rest;
                    try (InputStream in = response.body()) {
                        if (firstByte) {
                            awaitFirstToken(in);
                            latencies.add(System.nanoTime() - due);
                            rest = in.readAllBytes();
                        } else {
                            rest = in.readAllBytes();
                            latencies.add(System.nanoTime() - due);
                        }
                    }
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                        reasons.computeIfAbsent("HTTP " + response.statusCode() + errorMessage(rest), key -> new AtomicInteger())
                                .incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                    reasons.computeIfAbsent(e.getClass().getSimpleName(), key -> new AtomicInteger()).incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(60, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (!reasons.isEmpty()) {
            System.out.println("  failures " + uri + ": " + reasons);
        }
        double[] overhead = overheads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(total, ok.get(), failures.get(), sorted, overhead);
    }

    /** The message of chatd's OpenAI-shaped error body, so a failure says why. */
    static String errorMessage(byte[] body) {
        Matcher message = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]+)\"").matcher(new String(body, StandardCharsets.UTF_8));
        return message.find() ? " (" + message.group(1) + ")" : "";
    }

    /** Reads until the first SSE chunk carrying text: the first token a user sees, directly or through chatd. */
    static void awaitFirstToken(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            if (line.indexOf("\"content\":\"") >= 0 && line.indexOf("\"content\":\"\"") < 0) {
                return;
            }
            line.setLength(0);
        }
    }

    /** Latencies in ns, and chatd's own time per answer in ms (its X-Lakehouse-Overhead-Ms header; none direct). */
    record Result(int sent, int ok, int failed, long[] sorted, double[] overhead) {
        double percentile(double p) {
            return sorted.length == 0 ? Double.NaN : sorted[index(p, sorted.length)] / 1e6;
        }

        double overheadPercentile(double p) {
            return overhead.length == 0 ? Double.NaN : overhead[index(p, overhead.length)];
        }

        static int index(double p, int length) {
            return Math.max(0, Math.min(length - 1, (int) Math.ceil(p / 100.0 * length) - 1));
        }
    }

    static void report(String what, Result base, Result via) {
        System.out.printf(Locale.ROOT, "%s: direct p50 %.3f ms p99 %.3f ms p99.9 %.3f ms (%d ok, %d failed) | "
                        + "chatd p50 %.3f ms p99 %.3f ms p99.9 %.3f ms (%d ok, %d failed) | added p50 %.3f ms, p99 %.3f ms"
                        + " | chatd's own time (X-Lakehouse-Overhead-Ms) p50 %.3f ms, p99 %.3f ms%n",
                what, base.percentile(50), base.percentile(99), base.percentile(99.9), base.ok, base.failed,
                via.percentile(50), via.percentile(99), via.percentile(99.9), via.ok, via.failed,
                via.percentile(50) - base.percentile(50), via.percentile(99) - base.percentile(99),
                via.overheadPercentile(50), via.overheadPercentile(99));
    }

    static HttpServer fakeOpenAi() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", ChatBench::answer);
        server.start();
        return server;
    }

    static void answer(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        try (exchange) {
            if (new String(request, StandardCharsets.UTF_8).contains("\"stream\":true")) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (byte[] chunk : STREAM) {
                    out.write(chunk);
                    out.flush();
                }
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ANSWER.length);
                exchange.getResponseBody().write(ANSWER);
            }
        }
    }

    static List<byte[]> streamChunks() {
        String head = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-bench\",";
        List<String> events = new ArrayList<>();
        events.add(head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String piece : new String[] {"Hello", "!", " How", " can", " I", " help", "?"}) {
            events.add(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n");
        }
        events.add(head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        events.add(head + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":7,\"total_tokens\":16}}\n\n");
        events.add("data: [DONE]\n\n");
        return events.stream().map(event -> event.getBytes(StandardCharsets.UTF_8)).toList();
    }

    record Chatd(Process process, String url) {
    }

    static Chatd startChatd(Path jar, String fakeUrl, List<String> extraArgs) throws IOException {
        return startChatd(jar, fakeUrl, extraArgs, "CHATD_JVM_OPTS");
    }

    /** Starts chatd with the flags ./lakehouse gives it, plus those in the environment variable named. */
    static Chatd startChatd(Path jar, String fakeUrl, List<String> extraArgs, String jvmOptionsVariable) throws IOException {
        Path data = Files.createTempDirectory("chatd-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC"));
        String jvmOptions = System.getenv().getOrDefault(jvmOptionsVariable, "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(Arrays.asList(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("chatd.log").toFile());
        builder.environment().putAll(java.util.Map.of("LAKEHOUSE_DATA_DIR", data.toString(), "LAKEHOUSE_INTERNAL_TOKEN",
                TOKEN, "LAKEHOUSE_CHATD_PORT", Integer.toString(port), "OPENAI_API_KEY", "sk-bench-0123456789",
                "OPENAI_BASE_URL", fakeUrl + "/v1", "OLLAMA_BASE_URL", "http://127.0.0.1:9"));
        System.out.println("chatd: data dir " + data + ", port " + port + " " + command.subList(1, command.indexOf("-jar")) + " " + extraArgs);
        return new Chatd(builder.start(), "http://127.0.0.1:" + port);
    }

    /** One chatd's answers at 100 req/s, and how often its threads switched per request meanwhile. */
    record Paced(Result result, double switchesPerRequest) {
    }

    static Paced paced(HttpClient client, Chatd chatd, URI uri, int seconds) throws Exception {
        long switches = threadSwitches(chatd);
        Result result = run(client, uri, BODY, 100, seconds, false);
        return new Paced(result, (threadSwitches(chatd) - switches) / (double) result.sent());
    }

    /**
     * Context switches of all of chatd's threads so far (Linux /proc): each one is a thread going to sleep
     * or being displaced, and on an idle virtual machine a wake-up is what a request pays for most.
     */
    static long threadSwitches(Chatd chatd) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(chatd.process().pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException threadEnded) {
                    // a thread that ended between the listing and the read
                }
            }
        }
        return total;
    }

    static String awaitReady(Chatd chatd) throws Exception {
        HttpClient probe = HttpClient.newHttpClient();
        for (int i = 0; i < 240 && chatd.process().isAlive(); i++) {
            try {
                if (probe.send(HttpRequest.newBuilder(URI.create(chatd.url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return chatd.url();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("chatd did not become ready");
    }

    /** lakehouse_lake_records_written_total and _dropped_total of the observations stream. */
    static double[] counters(HttpClient client, String chatdUrl) throws Exception {
        String text = client.send(HttpRequest.newBuilder(URI.create(chatdUrl + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {counter(text, "lakehouse_lake_records_written_total"),
                counter(text, "lakehouse_lake_records_dropped_total")};
    }

    static double[] awaitDrained(HttpClient client, String chatdUrl, double expected) throws Exception {
        double[] now = counters(client, chatdUrl);
        for (int i = 0; i < 50 && now[0] < expected; i++) {
            Thread.sleep(100);
            now = counters(client, chatdUrl);
        }
        return now;
    }

    static double counter(String prometheus, String name) {
        Matcher matcher = Pattern.compile("^" + name + "\\{[^}]*stream=\"observations\"[^}]*} (\\S+)$", Pattern.MULTILINE)
                .matcher(prometheus);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    static void stop(Chatd chatd) throws InterruptedException {
        Process process = chatd.process();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
