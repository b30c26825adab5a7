package dev.lakehouse.vectord.collection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work on every open collection: commits pending writes every commit interval (the
 * "durable within one second" guarantee), and merges a fragmented collection that stopped
 * receiving writes into a single segment, so searches walk one HNSW graph instead of one per segment.
 */
public final class IndexMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final CollectionRegistry registry;
    private final Duration optimizeAfterIdle;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vectord-committer").daemon().factory());
    private final ExecutorService optimizer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vectord-optimizer").daemon().factory());
    private final Set<String> optimizing = ConcurrentHashMap.newKeySet();

    public IndexMaintenance(CollectionRegistry registry, Duration commitInterval, Duration optimizeAfterIdle) {
        this.registry = registry;
        this.optimizeAfterIdle = optimizeAfterIdle;
        long interval = commitInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::commitAll, interval, interval, TimeUnit.MILLISECONDS);
        if (!optimizeAfterIdle.isZero()) {
            scheduler.scheduleWithFixedDelay(this::optimizeIdle, 1, 1, TimeUnit.SECONDS);
        }
    }

    void commitAll() {
        for (VectorCollection collection : registry.list()) {
            try {
                collection.index().commitPending();
            } catch (RuntimeException e) {
                log.warn("scheduled commit of collection {} failed", collection.name(), e);
            }
        }
    }

    void optimizeIdle() {
        for (VectorCollection collection : registry.list()) {
            boolean idle = collection.index().nanosSinceLastWrite() >= optimizeAfterIdle.toNanos();
            if (idle && collection.index().fragmented() && optimizing.add(collection.name())) {
                optimizer.execute(() -> optimize(collection));
            }
        }
    }

    private void optimize(VectorCollection collection) {
        long start = System.nanoTime();
        try {
            if (collection.index().optimize()) {
                log.info("merged collection {} into one segment in {} ms", collection.name(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("merging collection {} failed", collection.name(), e);
        } finally {
            optimizing.remove(collection.name());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        optimizer.shutdownNow();
    }
}
