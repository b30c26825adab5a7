package dev.lakehouse.embedd.ollama;

import dev.lakehouse.embedd.backend.ModelInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The embedding models Ollama has: {@code /api/tags}, each asked once for its capabilities
 * ({@code /api/show}; older Ollamas do not say, and their models are listed). Reused for
 * {@code model-list-ttl}.
 */
public class OllamaModels {

    private final OllamaClient client;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Capability> capabilities = new ConcurrentHashMap<>();
    private volatile @Nullable Snapshot snapshot;

    public OllamaModels(OllamaClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Throws {@link OllamaUnreachableException} or {@link OllamaResponseException} when Ollama cannot say. */
    public List<ModelInfo> embeddingModels() {
        Snapshot current = snapshot;
        if (current != null && current.fetchedAt().plus(ttl).isAfter(clock.instant())) {
            return current.models();
        }
        synchronized (this) {
            List<ModelInfo> models = fetch();
            snapshot = new Snapshot(models, clock.instant());
            return models;
        }
    }

    private List<ModelInfo> fetch() {
        List<OllamaWire.TagModel> tags = client.tags().models();
        List<ModelInfo> models = new ArrayList<>();
        for (OllamaWire.TagModel tag : tags == null ? List.<OllamaWire.TagModel>of() : tags) {
            Capability capability = capabilities.computeIfAbsent(tag.name() + "@" + tag.digest(), key -> ask(tag.name()));
            if (capability.embeds()) {
                models.add(new ModelInfo(tag.name(), "ollama", capability.dimensions(), epochSeconds(tag.modifiedAt())));
            }
        }
        return List.copyOf(models);
    }

    private Capability ask(String model) {
        OllamaWire.Show show = client.show(model);
        List<String> reported = show.capabilities();
        Integer dimensions = null;
        if (show.modelInfo() != null) {
            for (Map.Entry<String, Object> entry : show.modelInfo().entrySet()) {
                // GGUF metadata: "<architecture>.embedding_length", e.g. "nomic-bert.embedding_length".
                if (entry.getKey().endsWith(".embedding_length") && entry.getValue() instanceof Number length) {
                    dimensions = length.intValue();
                }
            }
        }
        return new Capability(reported == null || reported.contains("embedding"), dimensions);
    }

    private static long epochSeconds(@Nullable String modifiedAt) {
        if (modifiedAt == null) {
            return 0;
        }
        try {
            return OffsetDateTime.parse(modifiedAt).toEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private record Capability(boolean embeds, @Nullable Integer dimensions) {
    }

    private record Snapshot(List<ModelInfo> models, Instant fetchedAt) {
    }
}
