package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.replayd.source.ReplaySources;
import dev.lakehouse.schemas.replay.ReplayReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every run of this daemon: accepts new ones within the queue limit, executes at most
 * {@code concurrentRuns} at once, cancels on request, and at start-up takes up what the last
 * process left unfinished from its checkpoint.
 */
public class Runs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final Path replaysDir;
    private final JsonMapper json;
    private final ReplaySources sources;
    private final CaseReplayer replayer;
    private final Reports reports;
    private final ReplaydProperties properties;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final RunMetrics metrics;
    private volatile ExecutorService executor;
    private volatile boolean stopping;
    private volatile boolean running;

    public Runs(Path replaysDir, JsonMapper json, ReplaySources sources, CaseReplayer replayer, Reports reports,
            ReplaydProperties properties, Clock clock, MeterRegistry meters) {
        this.replaysDir = replaysDir;
        this.json = json;
        this.sources = sources;
        this.replayer = replayer;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.metrics = new RunMetrics(meters, runs.values());
        this.executor = newExecutor();
    }

    private ExecutorService newExecutor() {
        return Executors.newFixedThreadPool(properties.concurrentRuns(), Thread.ofVirtual().name("replay-run-", 0).factory());
    }

    /** Saves a new run and queues it. */
    public synchronized Run submit(RunSpec spec) {
        long unfinished = runs.values().stream().filter(run -> !run.record().state().finished()).count();
        int limit = properties.maxQueuedRuns() + properties.concurrentRuns();
        if (unfinished >= limit) {
            throw new QueueFullException(limit);
        }
        RunRecord queued = RunRecord.queued(RunIds.next(clock.instant()), spec, clock.instant());
        files(queued.id()).saveRecord(queued);
        Run run = new Run(queued, Checkpoint.START);
        runs.put(queued.id(), run);
        executor.execute(() -> execute(run));
        return run;
    }

    public Optional<Run> find(String id) {
        return RunIds.valid(id) ? Optional.ofNullable(runs.get(id)) : Optional.empty();
    }

    /** Newest first. */
    public List<Run> list(int limit) {
        return runs.values().stream()
                .sorted(Comparator.comparing((Run run) -> run.record().createdAt()).thenComparing(run -> run.record().id())
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** Cancels a queued run at once and a running one before its next batch. */
    public Run cancel(Run run) {
        synchronized (run) {
            RunRecord record = run.record();
            if (record.state().finished()) {
                throw new RunConflictException("replay " + record.id() + " has already " + record.state().wireName());
            }
            run.requestCancel();
            if (record.state() == RunState.QUEUED) {
                RunRecord cancelled = record.finished(RunState.CANCELLED, clock.instant(), "cancelled by request");
                RunFiles files = files(record.id());
                files.saveReport(reports.build(cancelled, run.checkpoint(), files));
                files.saveRecord(cancelled);
                run.update(cancelled);
            }
        }
        return run;
    }

    /** The report as written when the run ended, or as its results stand now. */
    public ReplayReport report(Run run) {
        RunFiles files = files(run.record().id());
        if (run.record().state().finished()) {
            Optional<ReplayReport> written = files.loadReport();
            if (written.isPresent()) {
                return written.get();
            }
        }
        return reports.build(run.record(), run.checkpoint(), files);
    }

    public Path replaysDir() {
        return replaysDir;
    }

    private RunFiles files(String id) {
        return new RunFiles(replaysDir.resolve(id), json);
    }

    private void execute(Run run) {
        synchronized (run) {
            if (run.record().state() != RunState.QUEUED || stopping) {
                return;
            }
        }
        new RunExecution(run, files(run.record().id()), sources, replayer, reports, properties.batchSize(), clock,
                () -> stopping, metrics::checkpointed).execute();
    }

    /** Registers finished runs and resumes the unfinished ones, oldest first. */
    void recover() {
        for (RunFiles files : RunFiles.all(replaysDir, json)) {
            RunRecord record;
            Checkpoint checkpoint;
            try {
                Optional<RunRecord> loaded = files.loadRecord();
                if (loaded.isEmpty()) {
                    continue;
                }
                record = loaded.get();
                checkpoint = files.loadCheckpoint();
            } catch (JacksonException e) {
                log.error("replay {} cannot be read and is ignored: {}", files.dir(), e.getOriginalMessage());
                continue;
            }
            if (record.state().finished()) {
                runs.put(record.id(), new Run(record, checkpoint));
                continue;
            }
            RunRecord next = record.state() == RunState.RUNNING ? record.resumed() : record;
            if (next.resumes() > properties.maxResumes()) {
                next = next.finished(RunState.FAILED, clock.instant(), "interrupted by " + next.resumes()
                        + " daemon restarts; not resumed again (lakehouse.replayd.max-resumes)");
                files.saveReport(reports.build(next, checkpoint, files));
            } else if (record.state() == RunState.RUNNING) {
                log.warn("replay {} was interrupted at seq {}; resuming it from its checkpoint", record.id(), checkpoint.next());
            }
            files.saveRecord(next);
            Run run = new Run(next, checkpoint);
            runs.put(next.id(), run);
            if (next.state() == RunState.QUEUED) {
                executor.execute(() -> execute(run));
            }
        }
    }

    /** Starts, or starts again after {@link #stop()} (a paused application context is restarted). */
    @Override
    public void start() {
        if (executor.isShutdown()) {
            executor = newExecutor();
        }
        stopping = false;
        running = true;
        recover();
    }

    /** Running runs stop before their next batch and stay {@code running}, to resume after the restart. */
    @Override
    public void stop() {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
