package dev.lakehouse.materializerd.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdApi;
import dev.lakehouse.materializerd.TestLakes;
import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.materializerd.recipe.Filters;
import dev.lakehouse.materializerd.recipe.RecipeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The daemon starts over job files a killed process left: it resumes, fails or keeps each as it should. */
class JobRecoveryTests extends MaterializerdApi {

    private static final Path DATA = TestLakes.tempDir("materializerd-recovery-");
    private static final Path LAKE = DATA.resolve("lake");
    private static final Instant THEN = Instant.parse("2026-11-25T08:00:00Z");

    @DynamicPropertySource
    static void leftovers(DynamicPropertyRegistry registry) {
        TestLakes.copyGolden(LAKE);
        JobStore store = new JobStore(DATA.resolve("materializerd/jobs"), JsonMapper.builder().build());
        store.save(job("mat_running", "resumed").running(THEN));
        JobRecord often = job("mat_crashloop", "crashloop");
        for (int i = 0; i < 3; i++) {
            often = often.running(THEN).requeued(true);
        }
        store.save(often.running(THEN));
        store.save(job("mat_queued", "queued-before"));
        try {
            Path staging = LAKE.resolve("datasets/.staging/mat_running");
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("part-00000.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"half");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("lakehouse.data-dir", DATA::toString);
        registry.add("lakehouse.lake-dir", LAKE::toString);
    }

    @Test
    void aJobInterruptedWhileRunningIsResumedOnItsInputAndCountsTheRestart() {
        JsonNode job = awaitFinished("mat_running");

        assertThat(job.path("state").asString()).isEqualTo("succeeded");
        assertThat(job.path("restarts").asInt()).isEqualTo(1);
        assertThat(job.path("counts").path("kept").asLong()).isEqualTo(4);
        assertThat(LAKE.resolve("datasets/sft/resumed/v1/manifest.json")).exists();
        assertThat(LAKE.resolve("datasets/.staging/mat_running")).doesNotExist();
    }

    @Test
    void aJobInterruptedTooOftenIsFailedWithItsReason() {
        JsonNode job = awaitFinished("mat_crashloop");

        assertThat(job.path("state").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("interrupted by 4 daemon restarts");
        assertThat(LAKE.resolve("datasets/sft/crashloop")).doesNotExist();
    }

    @Test
    void aJobStillQueuedRunsWithoutCountingARestart() {
        JsonNode job = awaitFinished("mat_queued");

        assertThat(job.path("state").asString()).isEqualTo("succeeded");
        assertThat(job.path("restarts").asInt()).isZero();
    }

    private static JobRecord job(String id, String name) {
        return JobRecord.queued(id, RecipeName.SFT, name, Filters.none().normalized(),
                Options.defaults().normalized(RecipeName.SFT, 1000), 0, THEN);
    }
}
