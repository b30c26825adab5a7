package dev.lakehouse.gateway.status;

import dev.lakehouse.gateway.status.StatusReport.CacheView;
import java.util.OptionalDouble;

/** embedd's cache from its metrics ({@code lakehouse.embedd.cache.*}, see docs/readme/embedd.md). */
final class EmbedCache {

    static final String HITS = "lakehouse_embedd_cache_hits_total";
    static final String MISSES = "lakehouse_embedd_cache_misses_total";
    static final String ENTRIES = "lakehouse_embedd_cache_entries";
    static final String BYTES = "lakehouse_embedd_cache_bytes";

    private EmbedCache() {
    }

    static CacheView from(Scrape scrape) {
        OptionalDouble hits = scrape.sum(HITS);
        OptionalDouble misses = scrape.sum(MISSES);
        OptionalDouble ratio = OptionalDouble.empty();
        if (hits.isPresent() && misses.isPresent() && hits.getAsDouble() + misses.getAsDouble() > 0) {
            ratio = OptionalDouble.of(hits.getAsDouble() / (hits.getAsDouble() + misses.getAsDouble()));
        }
        return new CacheView(ratio, scrape.sum(ENTRIES), scrape.sum(BYTES));
    }
}
