package dev.lakehouse.embedd.backend;

import java.util.List;
import java.util.Optional;

/**
 * A source of embeddings: the in-process model or an external provider. Calls block, so
 * callers run them on the backend's own bounded workers, never on request threads.
 */
public interface EmbeddingBackend {

    /** Short name for metrics, logs and messages: {@code onnx}, {@code ollama}. */
    String name();

    /**
     * The name under which this backend serves {@code requested} (aliases folded), or empty
     * when it does not serve it. The cache is keyed by this name.
     */
    Optional<String> canonicalName(String requested);

    /** The options as this backend honours them for {@code model}; a 400 when it cannot. */
    EmbedOptions normalize(String model, EmbedOptions options);

    /** One vector per text, in order. Throws {@link EmbeddingException} or {@link UnknownModelException}. */
    List<EmbeddingVector> embed(String model, List<String> texts, EmbedOptions options);

    /** The embedding models this backend serves now; may call out and fail with {@link EmbeddingException}. */
    List<ModelInfo> models();
}
