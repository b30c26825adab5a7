package dev.lakehouse.replayd.compare;

import dev.lakehouse.replayd.peer.EmbeddClient;
import dev.lakehouse.replayd.peer.EmbeddingRequest;
import dev.lakehouse.replayd.peer.EmbeddingResponse;
import dev.lakehouse.replayd.peer.PeerRetries;
import dev.lakehouse.replayd.peer.PeerUnavailableException;
import io.github.resilience4j.retry.Retry;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Cosine similarity of two outputs' embeddings, both embedded in one embedd call. Two empty
 * outputs are identical (1) and one empty output shares nothing with the other (0), without a
 * call: embedd refuses empty text.
 */
public final class Similarity {

    private static final Logger log = LoggerFactory.getLogger(Similarity.class);

    private final EmbeddClient embedd;
    private final Retry retry;
    private final String model;

    public Similarity(EmbeddClient embedd, PeerRetries retries, String model) {
        this.embedd = embedd;
        this.retry = retries.peer("embedd");
        this.model = model;
    }

    /** Null when embedd refused the texts (a 4xx: the model is unknown, a text over its limit). */
    public @Nullable Double between(String original, String target) {
        boolean originalBlank = original.isBlank();
        boolean targetBlank = target.isBlank();
        if (originalBlank || targetBlank) {
            return originalBlank && targetBlank ? 1.0 : 0.0;
        }
        EmbeddingResponse response;
        try {
            response = retry.executeSupplier(() -> embedd.embed(EmbeddingRequest.of(model, List.of(original, target))));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                log.warn("embedd refused to embed with model {}: {}", model, e.getStatusCode());
                return null;
            }
            throw new PeerUnavailableException("embedd kept failing (status " + e.getStatusCode().value() + ")", e);
        } catch (RestClientException e) {
            throw new PeerUnavailableException("embedd cannot be reached (LAKEHOUSE_EMBEDD_URL): " + e.getMessage(), e);
        }
        float[][] vectors = new float[2][];
        for (EmbeddingResponse.Item item : response == null || response.data() == null ? List.<EmbeddingResponse.Item>of()
                : response.data()) {
            if (item.index() >= 0 && item.index() < 2) {
                vectors[item.index()] = item.embedding();
            }
        }
        if (vectors[0] == null || vectors[1] == null) {
            throw new PeerUnavailableException("embedd answered without the two embeddings asked for", null);
        }
        var cosine = Cosine.of(vectors[0], vectors[1]);
        return cosine.isPresent() ? round(cosine.getAsDouble()) : null;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }
}
