package dev.lakehouse.replayd.report;

import java.util.Arrays;

/**
 * Percentiles of a sample by linear interpolation between closest ranks (Hyndman and Fan's
 * definition 7, the default of numpy and R): for a sorted sample x of n values the p-th
 * percentile is x[h] interpolated at h = (n - 1) p.
 */
public final class Percentiles {

    private double[] values = new double[64];
    private int size;

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** @param p in [0, 1]; the sample must not be empty */
    public double at(double p) {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double h = (size - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, size - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }
}
