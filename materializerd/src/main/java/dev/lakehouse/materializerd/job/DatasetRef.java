package dev.lakehouse.materializerd.job;

/**
 * The dataset version a job produced.
 *
 * @param reused true when an identical version already existed and was returned instead of written
 */
public record DatasetRef(String name, int version, boolean reused) {
}
