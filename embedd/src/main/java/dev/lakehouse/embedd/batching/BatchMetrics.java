package dev.lakehouse.embedd.batching;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the backends do: {@code lakehouse.embedd.backend.latency} (one backend call, with a
 * histogram), {@code lakehouse.embedd.batch.size} (inputs per call, with a histogram) and
 * {@code lakehouse.embedd.inflight} (inputs waiting for or inside a backend).
 */
public class BatchMetrics {

    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

    private final MeterRegistry registry;

    public BatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void inFlight(String backend, AtomicInteger count) {
        Gauge.builder("lakehouse.embedd.inflight", count, AtomicInteger::get)
                .description("inputs waiting for or inside a backend call")
                .tag("backend", backend)
                .register(registry);
    }

    void recordCall(String backend, int inputs, long nanos, boolean success) {
        Timer.builder("lakehouse.embedd.backend.latency")
                .description("duration of one backend call")
                .tag("backend", backend)
                .tag("outcome", success ? "success" : "error")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(Duration.ofNanos(nanos));
        DistributionSummary.builder("lakehouse.embedd.batch.size")
                .description("inputs per backend call")
                .tag("backend", backend)
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry)
                .record(inputs);
    }
}
