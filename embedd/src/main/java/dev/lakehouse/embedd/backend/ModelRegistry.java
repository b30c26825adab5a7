package dev.lakehouse.embedd.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes a model name to the backend that serves it. Backends are asked in order; the
 * in-process one comes first and names only its own models, Ollama comes last and takes
 * every other name (DESIGN 8a).
 */
public class ModelRegistry {

    private final List<EmbeddingBackend> backends;

    public ModelRegistry(List<EmbeddingBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    public ResolvedModel resolve(String requested) {
        for (EmbeddingBackend backend : backends) {
            Optional<String> canonical = backend.canonicalName(requested);
            if (canonical.isPresent()) {
                return new ResolvedModel(requested, canonical.get(), backend);
            }
        }
        throw unknownModel(requested);
    }

    /** The models every backend serves now; a backend that cannot say is noted, not fatal. */
    public Listing models() {
        List<ModelInfo> models = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (EmbeddingBackend backend : backends) {
            try {
                models.addAll(backend.models());
            } catch (EmbeddingException e) {
                notes.add(backend.name() + " models unknown: " + e.getMessage());
            }
        }
        return new Listing(List.copyOf(models), List.copyOf(notes));
    }

    /** A 404 naming the models that exist, in the caller's API shape once rendered. */
    public EmbeddingException unknownModel(String requested) {
        Listing listing = models();
        return EmbeddingException.modelNotFound(requested, listing.models().stream().map(ModelInfo::id).toList(),
                listing.notes());
    }

    /**
     * @param models the models served now
     * @param notes why some backend could not list its models
     */
    public record Listing(List<ModelInfo> models, List<String> notes) {
    }
}
