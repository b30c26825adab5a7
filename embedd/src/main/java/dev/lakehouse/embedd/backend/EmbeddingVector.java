package dev.lakehouse.embedd.backend;

/**
 * One embedding as a backend computed it.
 *
 * @param values the vector
 * @param tokens how many tokens of the input the model read
 */
public record EmbeddingVector(float[] values, int tokens) {
}
