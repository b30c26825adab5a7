package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.status.StatusReport.CacheView;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The two embedding caches from their metrics: the gateway's whole answers
 * ({@code lakehouse.gateway.cache.*}, docs/gateway.md) and embedd's inputs
 * ({@code lakehouse.embedd.cache.*}, docs/embedd.md), which share their names' endings.
 */
enum EmbedCaches {
    GATEWAY("gateway", "gateway: whole answers", "lakehouse_gateway_cache"),
    EMBEDD("embedd", "embedd: inputs", "lakehouse_embedd_cache");

    private final String daemon;
    private final String label;
    private final String prefix;

    EmbedCaches(String daemon, String label, String prefix) {
        this.daemon = daemon;
        this.label = label;
        this.prefix = prefix;
    }

    String daemon() {
        return daemon;
    }

    /** The cache as its daemon's scrape tells it; every figure absent without one. */
    CacheView from(@Nullable Scrape scrape) {
        if (scrape == null) {
            return new CacheView(label, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        OptionalDouble hits = scrape.sum(prefix + "_hits_total");
        OptionalDouble misses = scrape.sum(prefix + "_misses_total");
        OptionalDouble ratio = OptionalDouble.empty();
        if (hits.isPresent() && misses.isPresent() && hits.getAsDouble() + misses.getAsDouble() > 0) {
            ratio = OptionalDouble.of(hits.getAsDouble() / (hits.getAsDouble() + misses.getAsDouble()));
        }
        return new CacheView(label, ratio, scrape.sum(prefix + "_entries"), scrape.sum(prefix + "_bytes"));
    }
}
