package dev.lakehouse.chassis.lake;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a daemon writes its part of the lake.
 *
 * @param dir the lake directory ({@code LAKEHOUSE_LAKE_DIR}, default {@code $LAKEHOUSE_DATA_DIR/lake})
 * @param instance this process's name in segment file names; generated at start when unset, so two
 *     processes (replicas, restarts) never share a file
 * @param segmentMaxSize a segment is sealed once it reaches this size
 * @param segmentMaxAge a segment is sealed once it is this old, so readers see sealed data soon
 * @param fsyncInterval written lines are forced to disk at least this often; a line is durable
 *     within this interval, and always when its segment is sealed or the daemon stops
 * @param queueCapacity records waiting to be written; when full, new records are dropped and counted
 */
@ConfigurationProperties("lakehouse.lake")
public record LakeProperties(
        @DefaultValue("./data/lake") Path dir,
        @Nullable String instance,
        @DefaultValue("64MB") DataSize segmentMaxSize,
        @DefaultValue("5m") Duration segmentMaxAge,
        @DefaultValue("1s") Duration fsyncInterval,
        @DefaultValue("10000") int queueCapacity) {
}
