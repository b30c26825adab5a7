package dev.lakehouse.materializerd.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdApi;
import dev.lakehouse.materializerd.TestLakes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** One job at a time over a lake large enough to take a while: cancel the one waiting and the one running. */
class CancellationTests extends MaterializerdApi {

    private static final Path DATA = TestLakes.tempDir("materializerd-cancel-");
    private static final Path LAKE = DATA.resolve("lake");

    @DynamicPropertySource
    static void bigLake(DynamicPropertyRegistry registry) {
        TestLakes.copyGolden(LAKE);
        Path segment = LAKE.resolve("observations/dt=2026-11-26/chatd-big-000000.jsonl");
        try {
            Files.createDirectories(segment.getParent());
            List<String> golden = Files.readAllLines(LAKE.resolve("observations/dt=2026-11-24/chatd-a1-000000.jsonl"));
            String template = golden.getFirst();
            try (BufferedWriter out = Files.newBufferedWriter(segment)) {
                for (int i = 0; i < 60_000; i++) {
                    out.write(template.replace("obs_a1", "obs_big_" + i).replace("the report is late", "report " + i + " is late"));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("lakehouse.data-dir", DATA::toString);
        registry.add("lakehouse.lake-dir", LAKE::toString);
        registry.add("lakehouse.materializerd.concurrent-jobs", () -> "1");
    }

    @Test
    void cancellingAQueuedJobAndARunningOneLeavesNoDatasetBehind() {
        String running = json(post("/v1/materializations", "{\"recipe\":\"sft\",\"name\":\"big\"}")).path("id").asString();
        String waiting = json(post("/v1/materializations", "{\"recipe\":\"sft\",\"name\":\"behind\"}")).path("id").asString();

        JsonNode cancelledWhileWaiting = json(delete("/v1/materializations/" + waiting));
        delete("/v1/materializations/" + running);
        JsonNode runningEnd = awaitFinished(running);

        assertThat(cancelledWhileWaiting.path("state").asString()).isEqualTo("cancelled");
        assertThat(awaitFinished(waiting).path("state").asString()).isEqualTo("cancelled");
        assertThat(runningEnd.path("state").asString()).isEqualTo("cancelled");
        assertThat(runningEnd.path("error").asString()).isEqualTo("cancelled by request");
        assertThat(runningEnd.has("dataset")).isFalse();
        assertThat(LAKE.resolve("datasets/sft/big")).doesNotExist();
        assertThat(LAKE.resolve("datasets/sft/behind")).doesNotExist();
        assertThat(LAKE.resolve("datasets/.staging/" + running)).doesNotExist();
    }
}
