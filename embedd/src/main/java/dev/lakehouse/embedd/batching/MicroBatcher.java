package dev.lakehouse.embedd.batching;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingBackend;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one backend's work on a fixed set of workers, never on request threads. A free worker
 * takes the next job and, when batching is enabled, every job that is already waiting (up to
 * the batch size, optionally waiting {@code max-wait} for more): concurrent misses of one
 * model become one backend call. Inputs waiting are bounded; beyond the bound a caller gets
 * 503 at once.
 */
public final class MicroBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

    private final EmbeddingBackend backend;
    private final BatchingProperties properties;
    private final BatchMetrics metrics;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    public MicroBatcher(EmbeddingBackend backend, int workerCount, ThreadFactory threads, BatchingProperties properties,
            BatchMetrics metrics) {
        this.backend = backend;
        this.properties = properties;
        this.metrics = metrics;
        metrics.inFlight(backend.name(), inFlight);
        for (int i = 0; i < workerCount; i++) {
            Thread worker = threads.newThread(this::work);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues the texts of one request for one model; the future completes with one vector per text, in order. */
    public CompletableFuture<List<EmbeddingVector>> submit(String model, List<String> texts, EmbedOptions options) {
        int inputs = texts.size();
        int waiting = inFlight.addAndGet(inputs);
        // One job is always admitted, however large, so a request within the input limit can run.
        if (waiting > properties.maxQueuedInputs() && waiting != inputs) {
            inFlight.addAndGet(-inputs);
            throw EmbeddingException.overloaded(backend.name(), waiting - inputs);
        }
        Job job = new Job(model, List.copyOf(texts), options, new CompletableFuture<>());
        queue.add(job);
        if (closed && queue.remove(job)) {
            fail(job, EmbeddingException.unavailable("embedd is shutting down", null));
        }
        return job.result();
    }

    private void work() {
        while (!closed) {
            try {
                List<Job> jobs = collect(queue.take());
                for (List<Job> group : byModelAndOptions(jobs)) {
                    run(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} worker failed unexpectedly; it keeps serving", backend.name(), e);
            }
        }
    }

    private List<Job> collect(Job first) throws InterruptedException {
        List<Job> jobs = new ArrayList<>();
        jobs.add(first);
        if (!properties.enabled()) {
            return jobs;
        }
        int inputs = first.texts().size();
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (inputs < properties.maxBatchSize()) {
            Job next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    break;
                }
            }
            jobs.add(next);
            inputs += next.texts().size();
        }
        return jobs;
    }

    private static List<List<Job>> byModelAndOptions(List<Job> jobs) {
        Map<Object, List<Job>> groups = new LinkedHashMap<>();
        for (Job job : jobs) {
            groups.computeIfAbsent(List.of(job.model(), job.options()), key -> new ArrayList<>()).add(job);
        }
        return List.copyOf(groups.values());
    }

    private void run(List<Job> group) {
        Job head = group.getFirst();
        List<String> texts = new ArrayList<>();
        group.forEach(job -> texts.addAll(job.texts()));
        try {
            List<EmbeddingVector> vectors = call(head.model(), texts, head.options());
            int offset = 0;
            for (Job job : group) {
                complete(job, vectors.subList(offset, offset + job.texts().size()));
                offset += job.texts().size();
            }
        } catch (EmbeddingException e) {
            if (e.isClientError() && group.size() > 1) {
                // One caller's bad input (say, too long with truncate=false) must not fail the others.
                group.forEach(job -> run(List.of(job)));
            } else {
                group.forEach(job -> fail(job, e));
            }
        } catch (RuntimeException e) {
            group.forEach(job -> fail(job, e));
        }
    }

    private List<EmbeddingVector> call(String model, List<String> texts, EmbedOptions options) {
        List<EmbeddingVector> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += properties.maxBatchSize()) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + properties.maxBatchSize()));
            long start = System.nanoTime();
            boolean success = false;
            try {
                List<EmbeddingVector> result = backend.embed(model, chunk, options);
                if (result.size() != chunk.size()) {
                    throw EmbeddingException.backendError(backend.name() + " returned " + result.size()
                            + " embeddings for " + chunk.size() + " inputs");
                }
                vectors.addAll(result);
                success = true;
            } finally {
                metrics.recordCall(backend.name(), chunk.size(), System.nanoTime() - start, success);
            }
        }
        return vectors;
    }

    private void complete(Job job, List<EmbeddingVector> vectors) {
        inFlight.addAndGet(-job.texts().size());
        job.result().complete(List.copyOf(vectors));
    }

    private void fail(Job job, Throwable error) {
        inFlight.addAndGet(-job.texts().size());
        job.result().completeExceptionally(error);
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        Job job;
        while ((job = queue.poll()) != null) {
            fail(job, EmbeddingException.unavailable("embedd is shutting down", null));
        }
    }

    private record Job(String model, List<String> texts, EmbedOptions options, CompletableFuture<List<EmbeddingVector>> result) {
    }
}
