package dev.lakehouse.materializerd;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How materializerd runs jobs and where it keeps them.
 *
 * @param jobsDir one small JSON file per job (and its posted documents), written atomically, so
 *     a restart finds every job; default {@code $LAKEHOUSE_DATA_DIR/materializerd/jobs}
 * @param datasetsDir where dataset versions are written; default {@code $LAKEHOUSE_LAKE_DIR/datasets}
 * @param concurrentJobs jobs that run at the same time; more wait in the queue
 * @param maxQueuedJobs jobs that may wait; a submission beyond it is refused with 429
 * @param readParallelism threads that decode and validate lake records for one job
 * @param maxRecords the largest {@code options.maxRecords} a job may ask for
 * @param maxDocuments documents a rag job may post
 * @param maxDocumentSize size of one posted document's text (the request body limit,
 *     {@code lakehouse.http.max-body-size}, bounds them all together)
 * @param partLines lines per data file; a larger dataset is split into several parts
 * @param maxPreferencePrompts distinct prompts whose passing output the preference recipe keeps
 *     in memory to pair with failing outputs of other observations; pairs beyond it are
 *     dropped and counted as {@code prompt_limit}
 * @param maxRestarts a job interrupted by more restarts than this is marked failed instead of resumed
 * @param keepJobs finished jobs whose files are kept; older ones are removed at start-up
 * @param pushBatchSize points per request when a rag dataset is pushed to vectord (vectord takes at most 1,000)
 */
@ConfigurationProperties("lakehouse.materializerd")
public record MaterializerdProperties(
        @DefaultValue("./data/materializerd/jobs") Path jobsDir,
        @DefaultValue("./data/lake/datasets") Path datasetsDir,
        @DefaultValue("2") int concurrentJobs,
        @DefaultValue("100") int maxQueuedJobs,
        @DefaultValue("2") int readParallelism,
        @DefaultValue("10000000") long maxRecords,
        @DefaultValue("10000") int maxDocuments,
        @DefaultValue("1MB") DataSize maxDocumentSize,
        @DefaultValue("100000") int partLines,
        @DefaultValue("1000000") int maxPreferencePrompts,
        @DefaultValue("3") int maxRestarts,
        @DefaultValue("1000") int keepJobs,
        @DefaultValue("500") int pushBatchSize) {

    public MaterializerdProperties {
        require(concurrentJobs >= 1, "concurrent-jobs must be at least 1");
        require(maxQueuedJobs >= 0, "max-queued-jobs must not be negative");
        require(readParallelism >= 1, "read-parallelism must be at least 1");
        require(partLines >= 1, "part-lines must be at least 1");
        require(pushBatchSize >= 1 && pushBatchSize <= 1000, "push-batch-size must be 1..1000 (vectord's limit)");
        require(maxRestarts >= 0, "max-restarts must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("lakehouse.materializerd." + message);
        }
    }
}
