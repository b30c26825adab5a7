package dev.lakehouse.vectord.filter;

/**
 * One filterable value of a payload: a key (nested objects joined with '.') with a keyword
 * ({@link String}), number ({@link Double}) or boolean ({@link Boolean}) value.
 */
public record PayloadValue(String key, PayloadType type, Object value) {
}
