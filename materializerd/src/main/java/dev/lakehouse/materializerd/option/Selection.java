package dev.lakehouse.materializerd.option;

import org.jspecify.annotations.Nullable;

/**
 * The options every recipe shares, applied in lake order to each candidate line's content
 * key: exact dedupe, seeded sampling, then the train/eval split. The record cap is checked
 * by {@link #full()} so a reader can stop as soon as it is reached. Not thread-safe: one
 * job's ordered sink owns it.
 */
public final class Selection {

    private static final long SPLIT_SALT = 0x632BE59BD9B4E019L;
    private static final long SAMPLE_SALT = 0x8CB92BA72F3D8DD7L;

    private final Options options;
    private final Drops drops;
    private final @Nullable LongHashSet seen;
    private long kept;

    public Selection(Options options, Drops drops) {
        this.options = options;
        this.drops = drops;
        this.seen = options.dedupeOn() ? new LongHashSet() : null;
    }

    /** Where the candidate goes, or null when it is dropped (and counted). */
    public @Nullable Split select(long key) {
        if (seen != null && !seen.add(key)) {
            drops.add(Drops.DUPLICATE);
            return null;
        }
        double rate = options.sampleRate() == null ? 1 : options.sampleRate();
        if (rate < 1 && unit(key ^ mix(options.seed() == null ? 0 : options.seed()) ^ SAMPLE_SALT) >= rate) {
            drops.add(Drops.SAMPLED_OUT);
            return null;
        }
        kept++;
        double eval = options.evalRatio() == null ? 0 : options.evalRatio();
        if (eval <= 0) {
            return Split.ALL;
        }
        // The split depends on content only, not on the seed: a record stays on its side across versions.
        return unit(key ^ SPLIT_SALT) < eval ? Split.EVAL : Split.TRAIN;
    }

    /** True once the record cap is reached. */
    public boolean full() {
        return options.maxRecords() != null && kept >= options.maxRecords();
    }

    public long kept() {
        return kept;
    }

    /** A uniform double in [0, 1) from a 64-bit value (SplitMix64's finaliser). */
    static double unit(long value) {
        return (mix(value) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
