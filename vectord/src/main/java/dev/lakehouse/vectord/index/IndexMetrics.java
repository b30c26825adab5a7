package dev.lakehouse.vectord.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timers of one collection's index: {@code lakehouse.vectord.search}, {@code .upsert} and
 * {@code .commit}, tagged with the collection (their counts are the operation counts).
 */
public record IndexMetrics(Timer search, Timer upsert, Timer commit) {

    public static IndexMetrics of(MeterRegistry registry, String collection) {
        return new IndexMetrics(
                timer(registry, "lakehouse.vectord.search", "Nearest-neighbour searches, filter and result loading included", collection),
                timer(registry, "lakehouse.vectord.upsert", "Upserts, from the write until searchable (and committed with wait=true)", collection),
                timer(registry, "lakehouse.vectord.commit", "Lucene commits (fsync of the index)", collection));
    }

    private static Timer timer(MeterRegistry registry, String name, String description, String collection) {
        return Timer.builder(name).description(description).tag("collection", collection).register(registry);
    }
}
