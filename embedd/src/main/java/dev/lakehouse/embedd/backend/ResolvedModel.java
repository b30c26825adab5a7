package dev.lakehouse.embedd.backend;

/**
 * A model name as the caller sent it, the name its backend serves it under, and that backend.
 *
 * @param requested the caller's name, echoed in responses
 * @param canonical the backend's name for it (aliases folded); the cache key uses it
 * @param backend the backend that serves it
 */
public record ResolvedModel(String requested, String canonical, EmbeddingBackend backend) {
}
