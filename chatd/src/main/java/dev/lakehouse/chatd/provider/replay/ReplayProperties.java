package dev.lakehouse.chatd.provider.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code replay} provider (the cassette): answers with outputs recorded in the lake's observations.
 *
 * @param enabled false removes the provider
 * @param maxEntries recordings kept in memory; beyond, the oldest are evicted (and counted in health)
 * @param maxOutputChars recorded outputs longer than this are not indexed
 * @param refreshInterval how often new observations are indexed (the first index is built at start)
 * @param streamChunkChars size of the chunks a replayed answer is streamed in
 * @param refreshOnMissAfter a miss indexes what is new in the lake first when the last indexing is
 *        older than this, so recordings added since are found at once; it also bounds how often
 *        misses can make chatd read the lake
 */
@ConfigurationProperties("lakehouse.chatd.replay")
public record ReplayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100000") int maxEntries,
        @DefaultValue("65536") int maxOutputChars,
        @DefaultValue("60s") Duration refreshInterval,
        @DefaultValue("16") int streamChunkChars,
        @DefaultValue("5s") Duration refreshOnMissAfter) {
}
