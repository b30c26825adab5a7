package dev.lakehouse.replayd.run;

import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a dashboard shows about replays: {@code lakehouse.replayd.runs} by state, and
 * {@code lakehouse.replayd.results} by validation transition as batches are checkpointed.
 */
final class RunMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> results = new ConcurrentHashMap<>();

    RunMetrics(MeterRegistry meters, Collection<Run> runs) {
        this.meters = meters;
        for (RunState state : RunState.values()) {
            Gauge.builder("lakehouse.replayd.runs", runs, all -> all.stream().filter(run -> run.record().state() == state).count())
                    .tag("state", state.wireName())
                    .description("replay runs known to this daemon, by state")
                    .register(meters);
        }
        // Registered up front so dashboards and alerts see zeros before the first replay.
        for (Transition transition : Transition.values()) {
            counter(transition.name().toLowerCase(Locale.ROOT));
        }
        counter("none");
    }

    private Counter counter(String transition) {
        return results.computeIfAbsent(transition, tag -> Counter.builder("lakehouse.replayd.results").tag("transition", tag)
                .description("records replayed, by validation transition (none: not validated)").register(meters));
    }

    void checkpointed(List<ReplayResult> batch) {
        for (ReplayResult result : batch) {
            String transition = result.comparison().transition() == null ? "none"
                    : result.comparison().transition().name().toLowerCase(Locale.ROOT);
            counter(transition).increment();
        }
    }
}
