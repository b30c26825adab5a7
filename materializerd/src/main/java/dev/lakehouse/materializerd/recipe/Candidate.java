package dev.lakehouse.materializerd.recipe;

/**
 * One line a recipe proposes for the dataset: its bytes as they will be written (redacted,
 * without the '\n') and the normalised content key that dedupe, sampling and split use.
 */
public record Candidate(byte[] line, long key) {
}
