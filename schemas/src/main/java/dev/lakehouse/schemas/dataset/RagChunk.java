package dev.lakehouse.schemas.dataset;

import java.util.Map;

/**
 * Mirrors {@code lakehouse.rag-chunk/v1}: one chunk of a retrieval corpus.
 *
 * @param id stable id: 32 hex digits of the SHA-256 of source, chunk index and text
 * @param metadata flat scalar fields; always {@code source} and {@code chunk}
 */
public record RagChunk(String id, String text, Map<String, Object> metadata) {

    public static final String SCHEMA = "lakehouse.rag-chunk/v1";
}
