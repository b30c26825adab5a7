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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's tour, {@code ./lakehouse demo}, run as a user runs it: on a machine where nothing
 * runs, twice in a row, and against a suite started before it. Every daemon is real and nothing
 * leaves the machine: chat answers come from chatd's cassette provider on the demo's recordings.
 */
class DemoIT {

    private static final String RECORDINGS = "lake/observations/dt=2026-01-15/demo-recordings-000001.jsonl";
    private static final Pattern REPLAY_RUN = Pattern.compile("run (rpl_\\w+) started");
    private static final Pattern OBSERVATION = Pattern.compile("observation (obs_\\w+) in (\\S+)");

    private final Path root = Path.of(System.getProperty("lakehouse.root", "..")).toAbsolutePath().normalize();
    private final Map<String, String> env = new HashMap<>();
    private Path dataDir;

    @BeforeEach
    void isolatedSuite() throws IOException {
        dataDir = Files.createTempDirectory("lakehouse-demo-");
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
    void demoStartsTheSuiteTakesTheWholeTourAndASecondRunReusesWhatTheFirstMade() throws IOException {
        Result first = run("demo");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("copied 8 recorded chat calls to " + dataDir.resolve(RECORDINGS))
                .contains("Lakehouse is not running; starting it with ./lakehouse up -d")
                .contains("Lakehouse is up: " + gateway())
                .contains("upserted 16 documents by text (durable)")
                .containsPattern("doc-03 +0\\.\\d{3} +Embeddings with a cache")
                .containsPattern("doc-10 +0\\.\\d{3} +Checking an email draft")
                .containsPattern("doc-13 +0\\.\\d{3} +From evidence to fine-tuning data")
                .contains("> The gateway is the single public entry point of the suite.")
                .contains("then data: [DONE]; provider replay")
                .contains("subject: Maintenance window moves to Sunday 02:00 UTC")
                .contains("a good email draft (requests/email-valid.json): valid true")
                .contains("error email.address.invalid at /to/0")
                .contains("error email.placeholder at /body: unfilled bracketed placeholder '[Name]'")
                .contains("error fill.grounding.unsupported at /hourlyRate")
                .containsPattern("sft: job mat_\\w+ wrote demo-email-sft v1")
                .containsPattern("preference: job mat_\\w+ wrote demo-email-preference v1")
                .contains("4 records replayed, 4 answered, 0 errors")
                .contains("passed: recorded answers 4/4, cassette answers 4/4")
                .contains("exact matches 3/4");
        assertOnDisk(first.output(), dataDir.resolve("lake/datasets/sft/demo-email-sft/v1/manifest.json"));
        assertOnDisk(first.output(), dataDir.resolve("lake/datasets/preference/demo-email-preference/v1/manifest.json"));
        JsonNode sft = manifest("sft", "demo-email-sft");
        assertThat(sft.path("counts").path("read").asInt()).isEqualTo(8);
        assertThat(sft.path("counts").path("kept").asInt()).isEqualTo(4);
        // materializerd validates every record it reads against its schema: the recordings are valid observations.
        assertThat(sft.path("counts").path("invalidLines").asInt()).isZero();
        assertThat(sft.path("counts").path("tornLines").asInt()).isZero();
        assertThat(sft.path("inputs").path("segments").path(0).path("name").asString())
                .isEqualTo(RECORDINGS.substring("lake/".length()));
        assertThat(dataLines("sft", "demo-email-sft", sft)).hasSize(4);
        JsonNode preference = manifest("preference", "demo-email-preference");
        assertThat(preference.path("counts").path("kept").asInt()).isEqualTo(5);
        assertThat(dataLines("preference", "demo-email-preference", preference)).hasSize(5)
                .allSatisfy(line -> assertThat(line).contains("[EMAIL]").doesNotContain("@example."));
        String firstRun = replayRun(first.output());
        JsonNode report = report(firstRun);
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(report.path("source").path("dataset").asString()).isEqualTo("demo-email-sft/v1");
        assertThat(report.path("records").path("total").asInt()).isEqualTo(4);
        assertThat(report.path("transitions").path("stillPasses").asInt()).isEqualTo(4);
        assertThat(Files.readAllLines(dataDir.resolve("lake/replays").resolve(firstRun).resolve("results.jsonl")))
                .hasSize(4);
        assertThat(collectionPoints()).isEqualTo(16);
        Matcher observation = OBSERVATION.matcher(first.output());
        assertThat(observation.find()).as(first.output()).isTrue();
        assertThat(Files.readString(segment(observation.group(2)))).contains("\"id\":\"" + observation.group(1) + "\"");

        Result second = run("demo");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output())
                .contains(dataDir.resolve(RECORDINGS) + " (already in the lake)")
                .contains("Using the running suite")
                .doesNotContain("starting it")
                .contains("dropped the collection of an earlier demo run")
                .containsPattern("sft: job mat_\\w+ found demo-email-sft v1 already made from the same inputs and options \\(reused\\)")
                .containsPattern("preference: job mat_\\w+ found demo-email-preference v1 already made")
                .contains("4 records replayed, 4 answered, 0 errors");
        assertThat(dataDir.resolve("lake/datasets/sft/demo-email-sft/v2")).doesNotExist();
        assertThat(dataDir.resolve("lake/datasets/preference/demo-email-preference/v2")).doesNotExist();
        String secondRun = replayRun(second.output());
        assertThat(secondRun).isNotEqualTo(firstRun);
        assertThat(report(secondRun).path("transitions").path("stillPasses").asInt()).isEqualTo(4);
        assertThat(collectionPoints()).isEqualTo(16);
    }

    @Test
    void demoAgainstASuiteStartedBeforeItServesTheRecordingsItBroughtAndRestartsNothing() throws IOException {
        Result up = run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        String gatewayPid = pid("gateway");
        String vectordPid = pid("vectord");
        String chatdPid = pid("chatd");

        Result demo = run("demo");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output())
                .contains("copied 8 recorded chat calls")
                .contains("Using the running suite")
                .doesNotContain("starting it")
                .contains("> The gateway is the single public entry point of the suite.")
                .contains("4 records replayed, 4 answered, 0 errors");
        assertThat(pid("gateway")).isEqualTo(gatewayPid);
        assertThat(pid("vectord")).isEqualTo(vectordPid);
        assertThat(pid("chatd")).isEqualTo(chatdPid);
        assertThat(report(replayRun(demo.output())).path("exact").path("matches").asInt()).isEqualTo(3);
    }

    @Test
    void demoRefusesToRunOnASuiteWithADeadDaemonAndSaysWhatToDo() throws Exception {
        Result up = run("up", "-d");
        assertThat(up.exitCode()).as(up.output()).isZero();
        new ProcessBuilder("kill", "-9", pid("validated")).start().waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> run("status").exitCode() == 3);

        Result demo = run("demo");

        assertThat(demo.exitCode()).isNotZero();
        assertThat(demo.output()).containsPattern("validated +" + env.get("LAKEHOUSE_VALIDATED_PORT") + " +- +dead")
                .contains("some daemons are not running; start them with ./lakehouse restart <daemon>");
        assertThat(demo.output()).doesNotContain("== 1/6");
    }

    @Test
    void demoRefusesToOverwriteAFileOfTheLakeThatIsNotItsRecording() throws IOException {
        Path foreign = dataDir.resolve(RECORDINGS);
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "{\"not\":\"the demo's\"}\n");

        Result demo = run("demo");

        assertThat(demo.exitCode()).isNotZero();
        assertThat(demo.output()).contains(foreign + " exists and is not the demo's recording");
        assertThat(Files.readString(foreign)).isEqualTo("{\"not\":\"the demo's\"}\n");
        assertThat(dataDir.resolve("run")).doesNotExist();
    }

    private void assertOnDisk(String output, Path manifest) {
        assertThat(output).contains("manifest " + manifest);
        assertThat(manifest).isRegularFile();
    }

    private JsonNode manifest(String recipe, String name) throws IOException {
        return Http.JSON.readTree(Files.readString(dataDir.resolve("lake/datasets").resolve(recipe).resolve(name)
                .resolve("v1/manifest.json")));
    }

    private List<String> dataLines(String recipe, String name, JsonNode manifest) throws IOException {
        Path file = dataDir.resolve("lake/datasets").resolve(recipe).resolve(name).resolve("v1")
                .resolve(manifest.path("files").path(0).path("name").asString());
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    /** The segment as it is named now: chatd may have sealed it (dropped {@code .open}) since the demo printed it. */
    private static Path segment(String printed) {
        Path open = Path.of(printed);
        return Files.exists(open) ? open : Path.of(printed.replaceFirst("\\.open$", ""));
    }

    private static String replayRun(String output) {
        Matcher run = REPLAY_RUN.matcher(output);
        assertThat(run.find()).as(output).isTrue();
        return run.group(1);
    }

    private JsonNode report(String run) throws IOException {
        return Http.JSON.readTree(Files.readString(dataDir.resolve("lake/replays").resolve(run).resolve("report.json")));
    }

    private int collectionPoints() throws IOException {
        String key = Files.readString(dataDir.resolve("dev-api-key")).strip();
        JsonNode collection = Http.json(Http.get(gateway().resolve("/v1/collections/lakehouse-demo"),
                "Authorization", "Bearer " + key));
        return collection.path("count").asInt();
    }

    private URI gateway() {
        return URI.create("http://localhost:" + env.get("LAKEHOUSE_GATEWAY_PORT"));
    }

    private String pid(String daemon) throws IOException {
        return Files.readString(dataDir.resolve("run").resolve(daemon + ".pid")).strip();
    }

    private Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("lakehouse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
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
