package dev.lakehouse.chatd.provider.ollama;

import dev.lakehouse.chatd.provider.ProviderException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Ollama says it has ({@code /api/tags}), asked periodically in the background: the pulled
 * models, offered as bare names and in {@code /v1/models}, and whether Ollama answers at all,
 * shown in health. A chat call never waits for this.
 */
public final class OllamaTags {

    private final OllamaClient client;
    private volatile List<String> models = List.of();
    private volatile @Nullable String failure = "not asked yet";
    private volatile @Nullable Instant checkedAt;

    public OllamaTags(OllamaClient client) {
        this.client = client;
    }

    public void refresh() {
        try {
            models = List.copyOf(client.tags());
            failure = null;
        } catch (ProviderException e) {
            models = List.of();
            failure = e.getMessage();
        }
        checkedAt = Instant.now();
    }

    public List<String> models() {
        return models;
    }

    /** Why Ollama did not answer the last check, or null when it did. */
    public @Nullable String failure() {
        return failure;
    }

    public @Nullable Instant checkedAt() {
        return checkedAt;
    }
}
