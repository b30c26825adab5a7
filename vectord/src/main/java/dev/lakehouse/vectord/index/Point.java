package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.filter.PayloadValue;
import java.util.List;

/**
 * One point to upsert, already checked: its vector has the collection's dimension, finite
 * values, and is unit-normalised for cosine collections.
 *
 * @param id the caller's id; an upsert replaces the point with the same id
 * @param vector the vector the index searches
 * @param payloadJson the payload object as UTF-8 JSON, stored and returned as is
 * @param filterable the payload's values that filters can match
 */
public record Point(String id, float[] vector, byte[] payloadJson, List<PayloadValue> filterable) {

    public Point {
        filterable = List.copyOf(filterable);
    }
}
