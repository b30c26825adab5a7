package dev.lakehouse.materializerd.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.materializerd.recipe.Filters;
import dev.lakehouse.materializerd.recipe.PinnedSegment;
import dev.lakehouse.materializerd.recipe.RecipeName;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A materialization as persisted in {@code jobs/<id>.json}: what was asked, where it is, and
 * once pinned, exactly which lake bytes it reads, so a restart resumes it on the same input.
 *
 * @param documents number of documents posted with it (kept beside it in {@code <id>.documents.json})
 * @param restarts how many times a daemon restart interrupted it
 * @param inputs the pinned segments, once the job has pinned them
 * @param pushed chunks pushed to vectord so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRecord(
        String id,
        RecipeName recipe,
        String name,
        Filters filters,
        Options options,
        int documents,
        JobState state,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        int restarts,
        @Nullable List<PinnedSegment> inputs,
        DatasetManifest.@Nullable Counts counts,
        @Nullable DatasetRef dataset,
        @Nullable Long pushed,
        @Nullable String error) {

    public static JobRecord queued(String id, RecipeName recipe, String name, Filters filters, Options options,
            int documents, Instant now) {
        return new JobRecord(id, recipe, name, filters, options, documents, JobState.QUEUED, now, null, null, 0, null,
                null, null, null, null);
    }

    public JobRecord running(Instant now) {
        return new JobRecord(id, recipe, name, filters, options, documents, JobState.RUNNING, createdAt, now, null,
                restarts, inputs, counts, null, null, null);
    }

    public JobRecord pinned(List<PinnedSegment> pins) {
        return new JobRecord(id, recipe, name, filters, options, documents, state, createdAt, startedAt, finishedAt,
                restarts, List.copyOf(pins), counts, dataset, pushed, error);
    }

    public JobRecord requeued(boolean afterCrash) {
        return new JobRecord(id, recipe, name, filters, options, documents, JobState.QUEUED, createdAt, null, null,
                afterCrash ? restarts + 1 : restarts, inputs, null, null, null, null);
    }

    public JobRecord finished(JobState end, Instant now, DatasetManifest.@Nullable Counts finalCounts,
            @Nullable DatasetRef ref, @Nullable Long pushedCount, @Nullable String reason) {
        return new JobRecord(id, recipe, name, filters, options, documents, end, createdAt, startedAt, now, restarts,
                inputs, finalCounts, ref, pushedCount, reason);
    }
}
