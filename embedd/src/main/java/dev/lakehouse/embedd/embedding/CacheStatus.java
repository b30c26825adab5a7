package dev.lakehouse.embedd.embedding;

import dev.lakehouse.chassis.LakehouseHeaders;

/** How much of a request the cache answered, sent as {@code X-Lakehouse-Cache}. */
public enum CacheStatus {
    /** Every input was cached: no backend was involved. */
    HIT("hit"),
    /** No input was cached. */
    MISS("miss"),
    /** Some inputs were cached; only the others went to the backend. */
    PARTIAL("partial");

    public static final String HEADER = LakehouseHeaders.CACHE;

    private final String value;

    CacheStatus(String value) {
        this.value = value;
    }

    public static CacheStatus of(int hits, int inputs) {
        if (hits == inputs) {
            return HIT;
        }
        return hits == 0 ? MISS : PARTIAL;
    }

    public String value() {
        return value;
    }
}
