package dev.lakehouse.materializerd.recipe;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document posted with a rag job, chunked instead of observations.
 *
 * @param id the document's id, carried into each chunk's {@code metadata.source}
 * @param metadata flat fields (string, number, boolean) copied into each chunk's metadata
 */
public record Document(String id, String text, @Nullable Map<String, Object> metadata) {
}
