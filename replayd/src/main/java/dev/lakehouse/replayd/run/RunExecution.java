package dev.lakehouse.replayd.run;

import dev.lakehouse.chassis.requestid.RequestIds;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import dev.lakehouse.replayd.source.Pin;
import dev.lakehouse.replayd.source.ReplayCase;
import dev.lakehouse.replayd.source.ReplaySources;
import dev.lakehouse.replayd.source.SourceException;
import dev.lakehouse.replayd.target.CallStopped;
import dev.lakehouse.replayd.target.TargetSession;
import dev.lakehouse.replayd.target.Throttle;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes one run from its checkpoint to its end: pins the source the first time, then reads
 * it from the checkpoint's seq in batches; each batch is replayed by {@code concurrency}
 * workers, its results appended in seq order and forced to disk, and only then the checkpoint
 * moved past it. A run stopped by a shutdown stays {@code running} and is resumed after the
 * restart; one cancelled ends {@code cancelled}; one whose peer or source fails ends
 * {@code failed}. Each ends with its report written.
 */
final class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final Run run;
    private final RunFiles files;
    private final ReplaySources sources;
    private final CaseReplayer replayer;
    private final Reports reports;
    private final int batchSize;
    private final Clock clock;
    private final BooleanSupplier daemonStopping;
    private final Consumer<List<ReplayResult>> checkpointed;

    RunExecution(Run run, RunFiles files, ReplaySources sources, CaseReplayer replayer, Reports reports, int batchSize,
            Clock clock, BooleanSupplier daemonStopping, Consumer<List<ReplayResult>> checkpointed) {
        this.run = run;
        this.files = files;
        this.sources = sources;
        this.replayer = replayer;
        this.reports = reports;
        this.batchSize = batchSize;
        this.clock = clock;
        this.daemonStopping = daemonStopping;
        this.checkpointed = checkpointed;
    }

    void execute() {
        RunSpec spec = run.record().spec();
        try {
            Pin pin = run.record().pin() != null ? run.record().pin() : sources.pin(spec.source(), spec.maxRecords());
            save(run.record().started(pin, clock.instant()));
            Checkpoint checkpoint = files.loadCheckpoint();
            run.update(checkpoint);
            TargetSession session = new TargetSession(run.record().id(), spec.target(),
                    new Throttle(run.record().id(), spec.ratePerSecond()), this::stopRequested);
            try (ResultsWriter writer = files.openResults(checkpoint.resultsBytes());
                    ExecutorService workers = Executors.newFixedThreadPool(spec.concurrency(), Thread.ofVirtual()
                            .name(run.record().id() + "-worker-", 0).factory())) {
                List<ReplayCase> batch = new ArrayList<>(batchSize);
                sources.stream(spec.source(), pin, checkpoint.next(), record -> {
                    batch.add(record);
                    if (batch.size() == batchSize) {
                        replay(batch, session, workers, writer);
                        batch.clear();
                    }
                });
                replay(batch, session, workers, writer);
            }
            finish(RunState.SUCCEEDED, null);
        } catch (RunStopped e) {
            if (run.cancelRequested()) {
                finish(RunState.CANCELLED, "cancelled by request");
            } else {
                log.info("replay {} paused by shutdown at seq {}; it resumes after the restart", run.record().id(),
                        run.checkpoint().next());
            }
        } catch (PeerUnavailableException | SourceException e) {
            finish(RunState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("replay {} failed", run.record().id(), e);
            finish(RunState.FAILED, "replayd failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private boolean stopRequested() {
        return run.cancelRequested() || daemonStopping.getAsBoolean();
    }

    private void replay(List<ReplayCase> batch, TargetSession session, ExecutorService workers, ResultsWriter writer) {
        if (stopRequested()) {
            throw new RunStopped();
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Future<ReplayResult>> pending = new ArrayList<>(batch.size());
        for (ReplayCase record : batch) {
            pending.add(workers.submit(() -> replayOne(session, record)));
        }
        List<ReplayResult> results = new ArrayList<>(batch.size());
        try {
            for (Future<ReplayResult> future : pending) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            pending.forEach(future -> future.cancel(true));
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            pending.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new RunStopped();
        }
        long bytes = writer.append(results);
        Checkpoint checkpoint = new Checkpoint(batch.getLast().seq() + 1, bytes, run.checkpoint().progress().plus(results));
        files.saveCheckpoint(checkpoint);
        run.update(checkpoint);
        checkpointed.accept(results);
    }

    private ReplayResult replayOne(TargetSession session, ReplayCase record) {
        // Each record's calls carry their own request id, so chatd's, validated's and embedd's
        // logs (and chatd's observation) can be traced back to the result.
        MDC.put(RequestIds.MDC_KEY, session.runId() + "-" + record.seq());
        try {
            return replayer.replay(session, run.record().spec().compare(), record);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof CallStopped) {
            return new RunStopped();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    private void finish(RunState end, @org.jspecify.annotations.Nullable String why) {
        RunRecord finished = run.record().finished(end, clock.instant(), why);
        files.saveReport(reports.build(finished, run.checkpoint(), files));
        save(finished);
        log.info("replay {} {} after {} records{}", finished.id(), end.wireName(), run.checkpoint().progress().done(),
                why == null ? "" : ": " + why);
    }

    private void save(RunRecord record) {
        files.saveRecord(record);
        run.update(record);
    }
}
