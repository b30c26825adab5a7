package dev.lakehouse.materializerd.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.SegmentPrefix;
import dev.lakehouse.materializerd.TestLakes;
import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.schemas.SchemaCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class RecipeRunTests {

    private static final String SEALED = "observations/dt=2026-11-24/chatd-a1-000000.jsonl";

    @TempDir
    Path lake;

    @Test
    void aRunReadsExactlyThePinnedPrefixEvenAfterTheSegmentGrew() throws Exception {
        TestLakes.copyGolden(lake);
        LakeReader reader = reader();
        SegmentPrefix prefix = reader.prefix(new PinnedSegment(SEALED, 0, "", 0).toSegment(lake));
        Files.writeString(lake.resolve(SEALED), Files.readAllLines(lake.resolve(SEALED)).getFirst() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> ids = new ArrayList<>();

        run(reader, new PinnedSegment(SEALED, prefix.bytes(), prefix.sha256(), 0))
                .observations(record -> Extract.of(record.path("id").asString()), ids::add);

        assertThat(ids).containsExactly("obs_a1", "obs_a2", "obs_a3", "obs_a4", "obs_a5", "obs_a6", "obs_a7");
    }

    @Test
    void aSegmentRewrittenSinceItWasPinnedFailsTheRunNamingIt() throws Exception {
        TestLakes.copyGolden(lake);
        LakeReader reader = reader();
        SegmentPrefix prefix = reader.prefix(new PinnedSegment(SEALED, 0, "", 0).toSegment(lake));
        Files.writeString(lake.resolve(SEALED), Files.readString(lake.resolve(SEALED)).replace("Report delayed", "Report_delayed"));

        RecipeRun run = run(reader, new PinnedSegment(SEALED, prefix.bytes(), prefix.sha256(), 0));

        assertThatThrownBy(() -> run.observations(record -> Extract.of(record), record -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SEALED).hasMessageContaining("changed since it was pinned");
    }

    @Test
    void aSegmentThatVanishedFailsTheRunNamingIt() throws Exception {
        TestLakes.copyGolden(lake);
        LakeReader reader = reader();
        SegmentPrefix prefix = reader.prefix(new PinnedSegment(SEALED, 0, "", 0).toSegment(lake));
        Files.delete(lake.resolve(SEALED));

        RecipeRun run = run(reader, new PinnedSegment(SEALED, prefix.bytes(), prefix.sha256(), 0));

        assertThatThrownBy(() -> run.observations(record -> Extract.of(record), record -> { }))
                .hasMessageContaining(SEALED).hasMessageContaining("unreadable");
    }

    private LakeReader reader() {
        return new LakeReader(lake, JsonMapper.builder().build(), SchemaCatalog.standard());
    }

    private static RecipeRun run(LakeReader reader, PinnedSegment pin) {
        return new RecipeRun(reader, List.of(pin), List.of(), Options.defaults().normalized(RecipeName.SFT, 10),
                Filters.none().normalized(), 2, () -> { }, new RunCounts());
    }
}
