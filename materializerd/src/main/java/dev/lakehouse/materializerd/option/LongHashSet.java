package dev.lakehouse.materializerd.option;

import java.util.Arrays;

/**
 * A set of 64-bit keys in one open-addressed array: 16 bytes per key at the worst load, no
 * object per entry, so deduplicating a million records costs about 16 MiB. Not thread-safe.
 */
public final class LongHashSet {

    // 0 marks an empty slot; the key 0 itself is kept aside.
    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds the key; false when it was already there. */
    public boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        long k = key;
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                slots[i] = k;
                size++;
                return true;
            }
            if (slots[i] == k) {
                return false;
            }
        }
    }

    public boolean contains(long key) {
        if (key == EMPTY) {
            return hasZero;
        }
        long k = key;
        int mask = slots.length - 1;
        for (int i = mix(k) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == k) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        boolean zero = hasZero;
        Arrays.stream(old).filter(k -> k != EMPTY).forEach(this::add);
        hasZero = zero;
    }

    private static int mix(long key) {
        long h = key * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31));
    }
}
