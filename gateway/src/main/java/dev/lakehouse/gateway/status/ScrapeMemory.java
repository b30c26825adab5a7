package dev.lakehouse.gateway.status;

import java.time.Duration;
import java.util.Map;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;

/**
 * The scrapes kept per daemon between two renderings of the status page, so that rates cover
 * the time between them. A scrape becomes the new base only once it is at least
 * {@link #MIN_WINDOW} newer than the last one, so that several viewers do not shrink the window
 * to nothing.
 */
class ScrapeMemory {

    static final Duration MIN_WINDOW = Duration.ofSeconds(2);

    private final Map<String, Pair> byDaemon = new HashMap<>();

    /** Remembers {@code current}; returns the scrape to compare it with, if any. */
    synchronized @Nullable Scrape exchange(String daemon, Scrape current) {
        Pair pair = byDaemon.get(daemon);
        if (pair == null) {
            byDaemon.put(daemon, new Pair(null, current));
            return null;
        }
        if (Duration.between(pair.last().at(), current.at()).compareTo(MIN_WINDOW) >= 0) {
            byDaemon.put(daemon, new Pair(pair.last(), current));
            return pair.last();
        }
        return pair.previous() != null ? pair.previous() : pair.last();
    }

    /** Forgets a daemon's scrapes, when it could not be scraped (it may restart with fresh counters). */
    synchronized void forget(String daemon) {
        byDaemon.remove(daemon);
    }

    private record Pair(@Nullable Scrape previous, Scrape last) {
    }
}
