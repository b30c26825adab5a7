package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.filter.Filter;
import org.jspecify.annotations.Nullable;

/**
 * One nearest-neighbour search, already checked against the collection and the limits.
 *
 * @param vector query vector (unit-normalised for cosine collections)
 * @param k how many results
 * @param numCandidates how many candidates the HNSW search collects (at least k); more means better recall
 * @param filter only points matching it are considered; null: all
 * @param withPayload return each result's payload
 * @param withVector return each result's stored vector
 */
public record SearchQuery(float[] vector, int k, int numCandidates, Filter.@Nullable Bool filter,
        boolean withPayload, boolean withVector) {
}
