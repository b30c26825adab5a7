package dev.lakehouse.replayd.source;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.replayd.testing.LakeFixtures;
import dev.lakehouse.schemas.SchemaCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationCasesTests {

    private static final Instant DAY1 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path lake;

    private ObservationCases cases;

    @BeforeEach
    void reader() {
        cases = new ObservationCases(new LakeReader(lake, JSON, SchemaCatalog.standard()), JSON);
    }

    @Test
    void pinsTheMatchingObservationsAndStreamsThemInOrderFromAnySeq() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl", LakeFixtures.observation("a", "A?", "A.", DAY1),
                LakeFixtures.observation("b", "B?", "B.", DAY1.plusSeconds(1)));
        LakeFixtures.append(lake, "chatd-t1-000001.jsonl", LakeFixtures.observation("c", "C?", "C.", DAY2));

        Pin pin = cases.pin(all(), 100);
        List<ReplayCase> fromOne = stream(all(), pin, 1);

        assertThat(pin.total()).isEqualTo(3);
        assertThat(pin.files()).extracting(PinnedFile::path).containsExactly(
                "observations/dt=2026-11-23/chatd-t1-000000.jsonl", "observations/dt=2026-11-24/chatd-t1-000001.jsonl");
        assertThat(fromOne).extracting(ReplayCase::recordId).containsExactly("b", "c");
        assertThat(fromOne).extracting(ReplayCase::seq).containsExactly(1L, 2L);
        assertThat(fromOne.getFirst().source()).isEqualTo("observations/dt=2026-11-23/chatd-t1-000000.jsonl#2");
    }

    @Test
    void aCaseCarriesTheRecordedPromptAnswerAndVerdict() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl", LakeFixtures.observation("a", "Tell bob.", "{\"to\":[]}", DAY1));

        ReplayCase only = stream(all(), cases.pin(all(), 100), 0).getFirst();

        assertThat(only.role()).isEqualTo("email-writer");
        assertThat(only.contract()).isEqualTo("email");
        assertThat(only.systemPrompt()).isEqualTo(LakeFixtures.SYSTEM_PROMPT);
        assertThat(only.messages()).extracting(message -> message.content()).containsExactly("Tell bob.");
        assertThat(only.params().temperature()).isEqualTo(0.2);
        assertThat(only.originalOutput()).isEqualTo("{\"to\":[]}");
        assertThat(only.originalProvider()).isEqualTo("ollama");
        assertThat(only.originalLatencyMs()).isEqualTo(910.5);
        assertThat(only.originalUsage().totalTokens()).isEqualTo(100);
        assertThat(only.recordedValid()).isTrue();
    }

    @Test
    void filtersKeepOnlyTheAskedRolesOutcomesAndDays() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl", LakeFixtures.observation("day1", "A?", "A.", DAY1));
        LakeFixtures.append(lake, "chatd-t1-000001.jsonl",
                LakeFixtures.observation("mail", "B?", "B.", DAY2),
                LakeFixtures.observation("failed", "C?", null, DAY2),
                LakeFixtures.observation("chat", "assistant", "text", "D?", "D.", DAY2, "key_dev"));
        ObservationFilters filters = new ObservationFilters(List.of("email-writer"), LocalDate.parse("2026-11-24"), null,
                List.of(), List.of(), ObservationFilters.DEFAULT_OUTCOMES, List.of(), List.of(), false);

        List<ReplayCase> kept = stream(filters, cases.pin(filters, 100), 0);

        assertThat(kept).extracting(ReplayCase::recordId).containsExactly("mail");
    }

    @Test
    void callsReplaydMadeAreLeftOutUnlessAskedFor() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl",
                LakeFixtures.observation("client", "email-writer", "email", "A?", "A.", DAY1, "key_dev"),
                LakeFixtures.observation("replayed", "email-writer", "email", "A?", "A!", DAY1, "replay:rpl_abcdefgh01"));
        ObservationFilters withReplays = new ObservationFilters(List.of(), null, null, List.of(), List.of(),
                ObservationFilters.DEFAULT_OUTCOMES, List.of(), List.of(), true);

        assertThat(stream(all(), cases.pin(all(), 100), 0)).extracting(ReplayCase::recordId).containsExactly("client");
        assertThat(stream(withReplays, cases.pin(withReplays, 100), 0)).hasSize(2);
    }

    @Test
    void keyIdsReplayTheTrafficOfChosenKeysOnly() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl",
                LakeFixtures.observation("mine", "email-writer", "email", "A?", "A.", DAY1, "key_app"),
                LakeFixtures.observation("theirs", "email-writer", "email", "B?", "B.", DAY1, "key_other"));
        ObservationFilters filters = new ObservationFilters(List.of(), null, null, List.of(), List.of(),
                ObservationFilters.DEFAULT_OUTCOMES, List.of(), List.of("key_app"), false);

        assertThat(stream(filters, cases.pin(filters, 100), 0)).extracting(ReplayCase::recordId).containsExactly("mine");
    }

    @Test
    void maxRecordsBoundsTheRun() {
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl", LakeFixtures.observation("a", "A?", "A.", DAY1),
                LakeFixtures.observation("b", "B?", "B.", DAY1), LakeFixtures.observation("c", "C?", "C.", DAY1));

        Pin pin = cases.pin(all(), 2);

        assertThat(pin.total()).isEqualTo(2);
        assertThat(stream(all(), pin, 0)).extracting(ReplayCase::recordId).containsExactly("a", "b");
    }

    @Test
    void anOpenSegmentIsPinnedAtItsCompleteLinesAndFoundAgainOnceSealed() throws Exception {
        Path open = LakeFixtures.append(lake, "chatd-t1-000000.jsonl.open", LakeFixtures.observation("a", "A?", "A.", DAY1));
        Files.writeString(open, "{\"schema\":\"lakehouse.observation/v1\",\"id\":\"torn", StandardOpenOption.APPEND);

        Pin pin = cases.pin(all(), 100);
        Files.writeString(open, "\"}\n", StandardOpenOption.APPEND);
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl.open", LakeFixtures.observation("later", "L?", "L.", DAY1));
        Files.move(open, open.resolveSibling("chatd-t1-000000.jsonl"));
        List<ReplayCase> read = stream(all(), pin, 0);

        assertThat(pin.total()).isEqualTo(1);
        assertThat(read).extracting(ReplayCase::recordId).containsExactly("a");
        assertThat(read.getFirst().source()).startsWith("observations/dt=2026-11-23/chatd-t1-000000.jsonl.open#");
    }

    private List<ReplayCase> stream(ObservationFilters filters, Pin pin, long from) {
        List<ReplayCase> read = new ArrayList<>();
        cases.stream(filters, pin, from, pin.total(), read::add);
        return read;
    }

    private static ObservationFilters all() {
        return new ObservationFilters(List.of(), null, null, List.of(), List.of(), ObservationFilters.DEFAULT_OUTCOMES,
                List.of(), List.of(), false);
    }
}
