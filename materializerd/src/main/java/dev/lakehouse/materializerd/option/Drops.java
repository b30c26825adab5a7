package dev.lakehouse.materializerd.option;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Records dropped, by reason; counted from any thread. */
public final class Drops {

    public static final String DUPLICATE = "duplicate";
    public static final String SAMPLED_OUT = "sampled_out";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String reason) {
        counts.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by reason. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }
}
