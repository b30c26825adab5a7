package dev.lakehouse.embedd.batching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cache misses reach a backend.
 *
 * @param enabled coalesce concurrent misses of different requests for one model into one
 *        backend call; when false each request's misses make their own call
 * @param maxBatchSize most inputs in one backend call; larger requests are split
 * @param maxWait how long a free worker waits for more misses to join a batch that is not
 *        full yet; 0 takes whatever is queued at that moment (batches still form under load,
 *        while the workers are busy)
 * @param maxQueuedInputs inputs that may wait for one backend; beyond it a request gets 503
 *        with Retry-After instead of queueing without bound
 */
@ConfigurationProperties("lakehouse.embedd.batching")
public record BatchingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32") int maxBatchSize,
        @DefaultValue("0ms") Duration maxWait,
        @DefaultValue("8192") int maxQueuedInputs) {

    public BatchingProperties {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("lakehouse.embedd.batching.max-batch-size must be at least 1");
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofMillis(2)) > 0) {
            throw new IllegalArgumentException("lakehouse.embedd.batching.max-wait must be between 0 and 2ms");
        }
        if (maxQueuedInputs < 1) {
            throw new IllegalArgumentException("lakehouse.embedd.batching.max-queued-inputs must be at least 1");
        }
    }
}
