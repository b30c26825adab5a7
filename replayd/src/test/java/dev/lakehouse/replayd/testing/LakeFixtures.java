package dev.lakehouse.replayd.testing;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.schemas.observation.Attempt;
import dev.lakehouse.schemas.observation.AttemptStatus;
import dev.lakehouse.schemas.observation.ChatMessage;
import dev.lakehouse.schemas.observation.ChatRequest;
import dev.lakehouse.schemas.observation.Gate;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.observation.Outcome;
import dev.lakehouse.schemas.observation.Output;
import dev.lakehouse.schemas.observation.Params;
import dev.lakehouse.schemas.observation.Surface;
import dev.lakehouse.schemas.observation.Usage;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Observations and settings for replayd's tests, written as chatd writes them. */
public final class LakeFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String SYSTEM_PROMPT = "You write short business emails as JSON {to, cc, bcc, subject, body}.";

    private LakeFixtures() {
    }

    /** An email-writer observation answered by ollama, valid as recorded. */
    public static Observation observation(String id, String prompt, @Nullable String output, Instant ts) {
        return observation(id, "email-writer", "email", prompt, output, ts, null);
    }

    public static Observation observation(String id, String role, String contract, String prompt, @Nullable String output,
            Instant ts, @Nullable String keyId) {
        Usage usage = Usage.of(40, 60, false);
        Attempt attempt = new Attempt(1, "ollama", "llama3.2:3b", ts, 900, null,
                output == null ? AttemptStatus.ERROR : AttemptStatus.OK, 200, null, null, output,
                output == null ? null : usage, List.of());
        ValidationVerdict verdict = output == null ? null
                : new ValidationVerdict(ValidationVerdict.SCHEMA, true, contract, "1.0.0", 40, List.of());
        return new Observation(Observation.SCHEMA, id, ts, ts.plus(Duration.ofMillis(910)), 910.5, "req-" + id, "chatd-t1",
                keyId, role, contract, Surface.OPENAI, false,
                new ChatRequest(null, SYSTEM_PROMPT, List.of(ChatMessage.of("user", prompt)),
                        new Params(0.2, null, 400, null, null, null)),
                List.of(attempt), output == null ? Outcome.FAILED : Outcome.OK, output == null ? null : "ollama",
                output == null ? null : "llama3.2:3b", output == null ? null : new Output(output, "stop", null),
                output == null ? null : usage, new Gate(true, null, List.of()), verdict, null);
    }

    /** Appends observations to a segment of the lake, as chatd's lake writer lays them out. */
    public static Path append(Path lakeDir, String segmentName, Observation... observations) {
        Instant ts = observations[0].ts();
        Path dir = lakeDir.resolve("observations").resolve("dt=" + ts.toString().substring(0, 10));
        Path file = dir.resolve(segmentName);
        try {
            Files.createDirectories(dir);
            StringBuilder lines = new StringBuilder();
            for (Observation observation : observations) {
                lines.append(JSON.writeValueAsString(observation)).append('\n');
            }
            Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static ReplaydProperties properties(int batchSize, int concurrentRuns, int maxQueuedRuns, int maxResumes) {
        return new ReplaydProperties(concurrentRuns, maxQueuedRuns, batchSize, maxResumes, "all-minilm",
                new ReplaydProperties.Defaults(4, 1000, 1000),
                new ReplaydProperties.Limits(32, 1000, 100_000, 100, 1000),
                new ReplaydProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(50)), "USD", List.of());
    }
}
