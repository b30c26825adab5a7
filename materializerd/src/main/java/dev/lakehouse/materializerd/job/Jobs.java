package dev.lakehouse.materializerd.job;

import dev.lakehouse.materializerd.MaterializerdException;
import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.materializerd.recipe.Document;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The jobs of this daemon: accepts them within the queue limit, runs at most
 * {@code concurrentJobs} at a time, cancels on request, and at start-up resumes what a crash
 * interrupted — a job found running is run again on its pinned input (its output is
 * deterministic, so running it again is resuming it), or failed with its reason once it has
 * been interrupted more than {@code maxRestarts} times.
 */
public class Jobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JobStore store;
    private final DatasetStore datasets;
    private final JobRunner runner;
    private final MaterializerdProperties properties;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile ExecutorService executor;
    private volatile boolean stopping;
    private volatile boolean running;

    Jobs(JobStore store, DatasetStore datasets, JobRunner runner, MaterializerdProperties properties, Clock clock) {
        this.store = store;
        this.datasets = datasets;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
        this.executor = newExecutor();
    }

    private ExecutorService newExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.concurrentJobs(),
                task -> Thread.ofPlatform().name("materialize-" + threads.incrementAndGet()).unstarted(task));
    }

    /** Persists a new job (documents first, so a restart always finds them) and queues it. */
    public Job submit(JobRecord queued, List<Document> documents) {
        if (waiting.incrementAndGet() > properties.maxQueuedJobs() + properties.concurrentJobs()) {
            waiting.decrementAndGet();
            throw MaterializerdException.queueFull(properties.maxQueuedJobs());
        }
        if (!documents.isEmpty()) {
            store.saveDocuments(queued.id(), documents);
        }
        store.save(queued);
        Job job = new Job(queued);
        jobs.put(queued.id(), job);
        executor.execute(() -> execute(job));
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Newest first. */
    public List<Job> list() {
        return jobs.values().stream().sorted(Comparator.comparing((Job job) -> job.record().createdAt()).reversed()).toList();
    }

    /** Cancels a queued job at once and a running one at its next record; a finished job stays as it is. */
    public Job cancel(String id) {
        Job job = find(id).orElseThrow(() -> MaterializerdException.jobNotFound(id));
        synchronized (job) {
            JobRecord record = job.record();
            if (record.state().finished()) {
                throw MaterializerdException.conflict("materialization " + id + " has already " + record.state().name()
                        .toLowerCase(java.util.Locale.ROOT));
            }
            job.requestCancel();
            if (record.state() == JobState.QUEUED) {
                JobRecord cancelled = record.finished(JobState.CANCELLED, clock.instant(), null, null, null,
                        "cancelled by request");
                store.save(cancelled);
                job.update(cancelled);
            }
        }
        return job;
    }

    private void execute(Job job) {
        try {
            synchronized (job) {
                if (job.record().state() != JobState.QUEUED || stopping) {
                    return;
                }
            }
            JobRecord end = runner.run(job, () -> stopping);
            log.info("materialization {} ({} {}) {}{}", end.id(), end.recipe().id(), end.name(),
                    end.state().name().toLowerCase(java.util.Locale.ROOT), end.error() == null ? "" : ": " + end.error());
        } catch (RuntimeException e) {
            log.error("materialization {} could not be recorded", job.record().id(), e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Resumes or fails what the last process left unfinished, and prunes old finished jobs. */
    void recover() {
        datasets.clearStaging();
        List<JobRecord> all = store.loadAll().stream().sorted(Comparator.comparing(JobRecord::createdAt)).toList();
        java.util.Set<String> pruned = prune(all);
        for (JobRecord record : all) {
            if (pruned.contains(record.id())) {
                continue;
            }
            if (record.state().finished()) {
                if (!jobs.containsKey(record.id())) {
                    jobs.put(record.id(), new Job(record));
                }
                continue;
            }
            boolean crashed = record.state() == JobState.RUNNING;
            JobRecord next = crashed ? record.requeued(true) : record;
            if (next.restarts() > properties.maxRestarts()) {
                next = next.finished(JobState.FAILED, clock.instant(), null, null, null, "interrupted by "
                        + next.restarts() + " daemon restarts (the last one while it ran); not resumed again");
                log.warn("materialization {} failed: {}", record.id(), next.error());
                store.save(next);
                jobs.put(next.id(), new Job(next));
                continue;
            }
            if (crashed) {
                log.warn("materialization {} was interrupted by a restart; resuming it on its pinned input", record.id());
            }
            store.save(next);
            Job job = new Job(next);
            jobs.put(next.id(), job);
            waiting.incrementAndGet();
            executor.execute(() -> execute(job));
        }
    }

    private java.util.Set<String> prune(List<JobRecord> all) {
        List<JobRecord> finished = all.stream().filter(record -> record.state().finished()).toList();
        java.util.Set<String> pruned = new java.util.HashSet<>();
        for (int i = 0; i < finished.size() - properties.keepJobs(); i++) {
            store.delete(finished.get(i).id());
            pruned.add(finished.get(i).id());
        }
        if (!pruned.isEmpty()) {
            log.info("removed {} old finished materialization(s); keeping {}", pruned.size(), properties.keepJobs());
        }
        return pruned;
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

    /** Running jobs stop at their next record and are queued again, to resume after the restart. */
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
