package dev.lakehouse.vectord.index;

import org.jspecify.annotations.Nullable;

/**
 * A stored point, with its score when it is a search result.
 *
 * @param id the point's id
 * @param score similarity (cosine, dot) or distance (l2) to the query; 0 when not a search result
 * @param payloadJson the payload as UTF-8 JSON, when asked for
 * @param vector the stored vector, when asked for
 */
public record ScoredPoint(String id, float score, byte @Nullable [] payloadJson, float @Nullable [] vector) {
}
