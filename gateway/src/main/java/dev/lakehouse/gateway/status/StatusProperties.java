package dev.lakehouse.gateway.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status page.
 *
 * @param refreshInterval how often the page reloads itself in the browser
 * @param recentItems how many materializations and replays it lists
 * @param lakeUsageMaxAge how long a measurement of the lake's disk use is reused; walking a large
 *     lake costs more than a page view should
 */
@ConfigurationProperties("lakehouse.gateway.status")
public record StatusProperties(
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("5") int recentItems,
        @DefaultValue("30s") Duration lakeUsageMaxAge) {
}
