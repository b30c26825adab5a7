package dev.lakehouse.embedd.cache;

import dev.lakehouse.embedd.backend.EmbeddingVector;

/**
 * One embedding as the wire wants it, encoded once when computed: a warm request copies
 * bytes and formats no number.
 *
 * @param json the vector as a JSON array
 * @param base64 the vector as base64 of little-endian float32
 * @param tokens tokens the model read for this input
 * @param dimensions the vector length
 */
public record CachedEmbedding(byte[] json, byte[] base64, int tokens, int dimensions) {

    /** Object headers, the key, and Caffeine's node: what an entry costs beyond its two arrays. */
    static final int ENTRY_OVERHEAD_BYTES = 160;

    public static CachedEmbedding of(EmbeddingVector vector) {
        float[] values = vector.values();
        return new CachedEmbedding(VectorEncoding.json(values), VectorEncoding.base64(values), vector.tokens(),
                values.length);
    }

    /** Bytes of heap this entry holds, for the cache's byte bound. */
    public int weight() {
        return json.length + base64.length + ENTRY_OVERHEAD_BYTES;
    }
}
