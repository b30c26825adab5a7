package dev.lakehouse.materializerd.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.materializerd.MaterializerdApi;
import dev.lakehouse.materializerd.TestLakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The open segment of the golden lake keeps growing while datasets are made from it: a job
 * reads the complete lines it pinned, a torn tail never counts, sealing an unchanged segment
 * changes nothing, and new lines make a new version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakeGrowthTests extends MaterializerdApi {

    private static final Path OWN_DATA = TestLakes.tempDir("materializerd-growth-");
    private static final Path OWN_LAKE = OWN_DATA.resolve("lake");
    private static final Path OPEN = OWN_LAKE.resolve("observations/dt=2026-11-25/chatd-a1-000001.jsonl.open");
    private static final String REQUEST = """
            {"recipe":"sft","name":"growing"}""";

    @DynamicPropertySource
    static void ownLake(DynamicPropertyRegistry registry) {
        TestLakes.copyGolden(OWN_LAKE);
        registry.add("lakehouse.data-dir", OWN_DATA::toString);
        registry.add("lakehouse.lake-dir", OWN_LAKE::toString);
    }

    @Test
    @Order(1)
    void completingTheTornLineMakesANewVersionWithOneMoreRecord() throws Exception {
        JsonNode before = materialize(REQUEST);
        List<String> lines = Files.readAllLines(OPEN);
        String torn = lines.getLast();
        String complete = Files.readAllLines(OPEN).get(2);
        Files.writeString(OPEN, complete.substring(torn.length()) + "\n", StandardOpenOption.APPEND);

        JsonNode after = materialize(REQUEST);

        assertThat(before.path("counts").path("tornLines").asLong()).isEqualTo(1);
        assertThat(after.path("counts").path("tornLines").asLong()).isZero();
        assertThat(after.path("counts").path("read").asLong()).isEqualTo(before.path("counts").path("read").asLong() + 1);
        assertThat(after.path("dataset").path("version").asInt()).isEqualTo(2);
        assertThat(after.path("counts").path("dropped").path("duplicate").asLong()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void sealingTheSegmentWithoutNewLinesReturnsTheSameVersion() throws Exception {
        JsonNode before = materialize(REQUEST);
        Files.move(OPEN, OPEN.resolveSibling("chatd-a1-000001.jsonl"));

        JsonNode after = materialize(REQUEST);

        assertThat(after.path("dataset").path("version").asInt()).isEqualTo(before.path("dataset").path("version").asInt());
        assertThat(after.path("dataset").path("reused").asBoolean()).isTrue();
    }
}
