package dev.lakehouse.replayd.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.run.Checkpoint;
import dev.lakehouse.replayd.run.Progress;
import dev.lakehouse.replayd.run.Run;
import dev.lakehouse.replayd.run.RunRecord;
import dev.lakehouse.replayd.source.DatasetSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A run as the API shows it.
 *
 * @param state queued, running, succeeded, failed or cancelled
 * @param progress counts over the results written so far ({@code total} is known once the run has started)
 * @param resumes how often a daemon restart found the run unfinished and resumed it
 * @param files where its results and report are, relative to the lake
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunView(
        String id,
        String state,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Source source,
        Target target,
        int concurrency,
        double ratePerSecond,
        long maxRecords,
        List<String> compare,
        ProgressView progress,
        int resumes,
        boolean cancelRequested,
        @Nullable String error,
        Map<String, String> files) {

    static RunView of(Run run) {
        RunRecord record = run.record();
        Checkpoint checkpoint = run.checkpoint();
        DatasetSpec dataset = record.spec().source().dataset();
        Source source = new Source(record.spec().source().kind(), dataset == null ? null : dataset.ref(),
                dataset == null ? null : dataset.role(), dataset == null ? null : dataset.contract(),
                dataset == null ? null : dataset.split(), record.spec().source().filters());
        Progress progress = checkpoint.progress();
        String dir = "replays/" + record.id() + "/";
        return new RunView(record.id(), record.state().wireName(), record.createdAt(), record.startedAt(),
                record.finishedAt(), source, new Target(record.spec().target().model(), record.spec().target().role()),
                record.spec().concurrency(), record.spec().ratePerSecond(), record.spec().maxRecords(),
                record.spec().compare().stream().map(CompareMode::wireName).toList(),
                new ProgressView(record.pin() == null ? null : record.pin().total(), progress.done(), progress.answered(),
                        progress.errors(), progress.originalPassed(), progress.targetPassed(), progress.regressed(),
                        progress.improved()),
                record.resumes(), run.cancelRequested() && !record.state().finished(), record.error(),
                Map.of("results", dir + "results.jsonl", "report", dir + "report.json"));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(String kind, @Nullable String dataset, @Nullable String role, @Nullable String contract,
            @Nullable String split, @Nullable Map<String, Object> filters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Target(@Nullable String model, @Nullable String role) {
    }

    /** @param total records the run replays, once its source is pinned */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressView(@Nullable Long total, long done, long answered, long errors, long originalPassed,
            long targetPassed, long regressed, long improved) {
    }
}
