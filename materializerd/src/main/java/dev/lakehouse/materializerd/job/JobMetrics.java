package dev.lakehouse.materializerd.job;

import dev.lakehouse.schemas.dataset.DatasetManifest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What a dashboard shows about materializations: {@code lakehouse.materializerd.jobs} by state,
 * and the progress of the running ones ({@code lakehouse.materializerd.running.records} read and
 * kept so far), read from the jobs themselves when scraped.
 */
final class JobMetrics {

    private JobMetrics() {
    }

    static void register(MeterRegistry meters, Jobs jobs) {
        for (JobState state : JobState.values()) {
            String name = state.name().toLowerCase(Locale.ROOT);
            Gauge.builder("lakehouse.materializerd.jobs", jobs, all -> all.list().stream().filter(job -> job.record().state() == state).count())
                    .tag("state", name)
                    .description("materialization jobs known to this daemon, by state")
                    .register(meters);
        }
        running(meters, jobs, "read", DatasetManifest.Counts::read);
        running(meters, jobs, "kept", DatasetManifest.Counts::kept);
    }

    private static void running(MeterRegistry meters, Jobs jobs, String kind, ToLongFunction<DatasetManifest.Counts> count) {
        Gauge.builder("lakehouse.materializerd.running.records", jobs,
                        all -> all.list().stream().filter(job -> job.record().state() == JobState.RUNNING)
                                .mapToLong(job -> count.applyAsLong(job.counts().snapshot())).sum())
                .tag("kind", kind)
                .description("records the running jobs have " + kind + " so far")
                .register(meters);
    }
}
