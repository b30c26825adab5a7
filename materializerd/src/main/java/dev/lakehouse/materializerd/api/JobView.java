package dev.lakehouse.materializerd.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.materializerd.job.DatasetRef;
import dev.lakehouse.materializerd.job.Job;
import dev.lakehouse.materializerd.job.JobRecord;
import dev.lakehouse.materializerd.job.JobState;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A materialization as the API shows it.
 *
 * @param counts records read, lines kept, dropped by reason, torn and invalid lines: live while it runs
 * @param dataset the version it produced, once it succeeded
 * @param push where it pushes and how many chunks are pushed so far, when a push was asked for
 * @param error why it failed or was cancelled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        String id,
        JobState state,
        String recipe,
        String name,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        int restarts,
        DatasetManifest.Counts counts,
        @Nullable DatasetRef dataset,
        @Nullable PushView push,
        @Nullable String error) {

    static JobView of(Job job) {
        JobRecord record = job.record();
        DatasetManifest.Counts counts = switch (record.state()) {
            case RUNNING -> job.counts().snapshot();
            case QUEUED -> new DatasetManifest.Counts(0, 0, Map.of(), 0, 0);
            default -> record.counts() != null ? record.counts() : new DatasetManifest.Counts(0, 0, Map.of(), 0, 0);
        };
        PushView push = null;
        if (record.options().push() != null) {
            long pushed = record.pushed() != null ? record.pushed() : job.pushed();
            push = new PushView(record.options().push().collection(), pushed);
        }
        return new JobView(record.id(), record.state(), record.recipe().id(), record.name(), record.createdAt(),
                record.startedAt(), record.finishedAt(), record.restarts(), counts, record.dataset(), push, record.error());
    }

    /** The vectord collection a rag dataset is pushed to, and how many chunks are in it so far. */
    public record PushView(String collection, long pushed) {
    }
}
