package dev.lakehouse.replayd.run;

import static dev.lakehouse.replayd.testing.LakeFixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.report.PriceTable;
import dev.lakehouse.replayd.source.DatasetCases;
import dev.lakehouse.replayd.source.DatasetCatalog;
import dev.lakehouse.replayd.source.ObservationCases;
import dev.lakehouse.replayd.source.ObservationFilters;
import dev.lakehouse.replayd.source.Pin;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.source.ReplaySources;
import dev.lakehouse.replayd.source.SourceSpec;
import dev.lakehouse.replayd.target.TargetSpec;
import dev.lakehouse.replayd.testing.LakeFixtures;
import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.replay.ReplayResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run machinery: batches, checkpoints, resume after a crash, cancel, shutdown, failure. */
class RunsTests {

    private static final Instant TS = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path lake;

    private ReplaySources sources;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Runs> started = new ArrayList<>();

    @BeforeEach
    void lakeWithTenObservations() {
        Observation[] observations = new Observation[10];
        for (int i = 0; i < 10; i++) {
            observations[i] = LakeFixtures.observation("obs_" + i, "Prompt " + i, "{\"n\":" + i + "}", TS.plusSeconds(i));
        }
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl", observations);
        LakeReader reader = new LakeReader(lake, JSON, SchemaCatalog.standard());
        sources = new ReplaySources(new ObservationCases(reader, JSON),
                new DatasetCases(new DatasetCatalog(reader, JSON), JSON));
    }

    @AfterEach
    void stopRuns() {
        started.forEach(Runs::stop);
    }

    @Test
    void aRunReplaysEveryRecordOnceInSeqOrderAndEndsWithItsReport() {
        FakeReplayer replayer = new FakeReplayer();
        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));

        Run run = runs.submit(spec());
        awaitState(run, RunState.SUCCEEDED);

        assertThat(seqsIn(run)).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
        assertThat(run.checkpoint().next()).isEqualTo(10);
        assertThat(run.checkpoint().progress().done()).isEqualTo(10);
        assertThat(run.record().pin().total()).isEqualTo(10);
        assertThat(files(run).loadReport()).hasValueSatisfying(report -> {
            assertThat(report.complete()).isTrue();
            assertThat(report.records().total()).isEqualTo(10);
        });
        assertThat(meters.counter("lakehouse.replayd.results", "transition", "still_passes").count()).isEqualTo(10.0);
        assertThat(meters.get("lakehouse.replayd.runs").tag("state", "succeeded").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void runsStoppedAndStartedAgainInTheSameProcessTakeNewRuns() {
        Runs runs = runs(new FakeReplayer(), LakeFixtures.properties(3, 1, 4, 3));
        runs.start();
        runs.stop();

        runs.start();
        Run run = runs.submit(spec());

        awaitState(run, RunState.SUCCEEDED);
        assertThat(seqsIn(run)).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
    }

    @Test
    void aRestartAfterACrashBetweenResultsAndCheckpointNeitherDuplicatesNorLosesResults() throws Exception {
        RunFiles files = crashedRun("rpl_crashed0001", 3, 6, true);
        FakeReplayer replayer = new FakeReplayer();

        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));
        runs.start();
        Run run = runs.find("rpl_crashed0001").orElseThrow();
        awaitState(run, RunState.SUCCEEDED);

        assertThat(replayer.seen()).containsExactlyInAnyOrderElementsOf(LongStream.range(3, 10).boxed().toList());
        assertThat(seqsIn(run)).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
        assertThat(run.record().resumes()).isEqualTo(1);
        assertThat(Files.size(files.results())).isEqualTo(run.checkpoint().resultsBytes());
    }

    @Test
    void aResumedRunReadsItsPinnedSourceAndIgnoresObservationsWrittenSince() throws Exception {
        crashedRun("rpl_crashed0002", 6, 6, false);
        LakeFixtures.append(lake, "chatd-t1-000000.jsonl",
                LakeFixtures.observation("obs_late", "Late prompt", "{\"late\":true}", TS.plusSeconds(60)));
        FakeReplayer replayer = new FakeReplayer();

        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));
        runs.start();
        Run run = runs.find("rpl_crashed0002").orElseThrow();
        awaitState(run, RunState.SUCCEEDED);

        assertThat(seqsIn(run)).hasSize(10);
        assertThat(resultsOf(run)).extracting(ReplayResult::recordId).doesNotContain("obs_late");
    }

    @Test
    void aRunInterruptedByTooManyRestartsFailsInsteadOfLooping() throws Exception {
        crashedRun("rpl_crashed0003", 3, 3, false);
        FakeReplayer replayer = new FakeReplayer();

        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 0));
        runs.start();
        Run run = runs.find("rpl_crashed0003").orElseThrow();

        assertThat(run.record().state()).isEqualTo(RunState.FAILED);
        assertThat(run.record().error()).contains("max-resumes");
        assertThat(replayer.seen()).isEmpty();
        assertThat(files(run).loadReport()).hasValueSatisfying(report -> assertThat(report.records().total()).isEqualTo(3));
    }

    @Test
    void cancellingARunningRunStopsItBeforeItsNextBatchKeepingWholeBatchesOnly() throws Exception {
        CountDownLatch atSeqFour = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeReplayer replayer = new FakeReplayer().before(record -> {
            if (record.seq() == 4) {
                atSeqFour.countDown();
                hold(release);
            }
        });
        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));
        Run run = runs.submit(spec());
        atSeqFour.await();

        runs.cancel(run);
        release.countDown();
        awaitState(run, RunState.CANCELLED);

        assertThat(seqsIn(run)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(run.record().error()).isEqualTo("cancelled by request");
        assertThat(files(run).loadReport()).hasValueSatisfying(report -> assertThat(report.complete()).isFalse());
    }

    @Test
    void cancellingAFinishedRunIsAConflict() {
        Runs runs = runs(new FakeReplayer(), LakeFixtures.properties(3, 1, 4, 3));
        Run run = runs.submit(spec());
        awaitState(run, RunState.SUCCEEDED);

        assertThatThrownBy(() -> runs.cancel(run)).isInstanceOf(RunConflictException.class)
                .hasMessageContaining("succeeded");
    }

    @Test
    void aShutdownLeavesTheRunRunningOnDiskAndTheNextProcessFinishesIt() throws Exception {
        CountDownLatch atSeqFour = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeReplayer first = new FakeReplayer().before(record -> {
            if (record.seq() == 4) {
                atSeqFour.countDown();
                hold(release);
            }
        });
        Runs runs = runs(first, LakeFixtures.properties(3, 1, 4, 3));
        Run run = runs.submit(spec());
        atSeqFour.await();

        Thread stopper = Thread.ofPlatform().start(runs::stop);
        release.countDown();
        stopper.join();
        RunFiles files = files(run);
        RunRecord onDisk = files.loadRecord().orElseThrow();
        FakeReplayer second = new FakeReplayer();
        Runs restarted = runs(second, LakeFixtures.properties(3, 1, 4, 3));
        restarted.start();
        Run resumed = restarted.find(run.record().id()).orElseThrow();
        awaitState(resumed, RunState.SUCCEEDED);

        assertThat(onDisk.state()).isEqualTo(RunState.RUNNING);
        assertThat(second.seen()).containsExactlyInAnyOrder(6L, 7L, 8L, 9L);
        assertThat(seqsIn(resumed)).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
    }

    @Test
    void aPeerThatCannotAnswerFailsTheRunAndKeepsTheResultsOfEarlierBatches() {
        FakeReplayer replayer = new FakeReplayer().before(record -> {
            if (record.seq() == 7) {
                throw new PeerUnavailableException("chatd cannot be reached (LAKEHOUSE_CHATD_URL): refused", null);
            }
        });
        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));

        Run run = runs.submit(spec());
        awaitState(run, RunState.FAILED);

        assertThat(run.record().error()).startsWith("chatd cannot be reached");
        assertThat(seqsIn(run)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(files(run).loadReport()).hasValueSatisfying(report -> assertThat(report.state()).isEqualTo("failed"));
    }

    @Test
    void runsBeyondTheQueueLimitAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Runs runs = runs(new FakeReplayer().before(record -> hold(release)), LakeFixtures.properties(3, 1, 1, 3));
        runs.submit(spec());
        runs.submit(spec());

        assertThatThrownBy(() -> runs.submit(spec())).isInstanceOf(QueueFullException.class);
        release.countDown();
    }

    @Test
    void aQueuedRunCancelledBeforeItStartsNeverRuns() {
        CountDownLatch release = new CountDownLatch(1);
        FakeReplayer replayer = new FakeReplayer().before(record -> hold(release));
        Runs runs = runs(replayer, LakeFixtures.properties(3, 1, 4, 3));
        Run first = runs.submit(spec());
        Run queued = runs.submit(spec());

        runs.cancel(queued);
        release.countDown();
        awaitState(first, RunState.SUCCEEDED);

        assertThat(queued.record().state()).isEqualTo(RunState.CANCELLED);
        assertThat(replayer.seen()).hasSize(10);
        assertThat(files(queued).loadReport()).isPresent();
    }

    /**
     * A run as a crash leaves it: {@code run.json} says running, the results hold {@code written}
     * records but the checkpoint counts only {@code checkpointed}, optionally with a torn last line.
     */
    private RunFiles crashedRun(String id, int checkpointed, int written, boolean tornLine) throws Exception {
        RunSpec spec = spec();
        Pin pin = sources.pin(spec.source(), spec.maxRecords());
        RunFiles files = new RunFiles(lake.resolve("replays").resolve(id), JSON);
        files.saveRecord(RunRecord.queued(id, spec, TS).started(pin, TS));
        List<ReplayCase> cases = new ArrayList<>();
        sources.stream(spec.source(), pin, 0, cases::add);
        long checkpointBytes;
        try (ResultsWriter writer = files.openResults(0)) {
            checkpointBytes = writer.append(cases.subList(0, checkpointed).stream()
                    .map(record -> FakeReplayer.result(id, record)).toList());
            writer.append(cases.subList(checkpointed, written).stream().map(record -> FakeReplayer.result(id, record)).toList());
        }
        if (tornLine) {
            Files.writeString(files.results(), "{\"schema\":\"lakehouse.replay-res", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
        files.saveCheckpoint(new Checkpoint(checkpointed, checkpointBytes, Progress.NONE));
        return files;
    }

    private Runs runs(CaseReplayer replayer, ReplaydProperties properties) {
        Runs runs = new Runs(lake.resolve("replays"), JSON, sources, replayer,
                new Reports(new PriceTable("USD", List.of()), Clock.systemUTC()), properties, Clock.systemUTC(), meters);
        started.add(runs);
        return runs;
    }

    private static RunSpec spec() {
        ObservationFilters all = new ObservationFilters(List.of(), null, null, List.of(), List.of(),
                ObservationFilters.DEFAULT_OUTCOMES, List.of(), List.of(), false);
        return new RunSpec(SourceSpec.of(all), TargetSpec.model("replay/cassette"), 2, 1000, 1000,
                EnumSet.allOf(CompareMode.class));
    }

    private RunFiles files(Run run) {
        return new RunFiles(lake.resolve("replays").resolve(run.record().id()), JSON);
    }

    private List<ReplayResult> resultsOf(Run run) {
        List<ReplayResult> results = new ArrayList<>();
        files(run).readResults(Long.MAX_VALUE, results::add);
        return results;
    }

    private List<Long> seqsIn(Run run) {
        return resultsOf(run).stream().map(ReplayResult::seq).toList();
    }

    private static void awaitState(Run run, RunState state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> run.record().state() == state);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
