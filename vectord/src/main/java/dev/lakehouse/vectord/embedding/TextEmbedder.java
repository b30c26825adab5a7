package dev.lakehouse.vectord.embedding;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.collection.CollectionSpec;
import java.util.List;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns texts into vectors with a collection's embedding model, one embedd call per request.
 * A collection without an embedding model refuses text (400), and so does embedd refusing the
 * texts themselves (400, with embedd's reason); embedd unreachable or failing is a 503; embedd
 * refusing the model or answering with the wrong dimension is a 502 that says why.
 */
public class TextEmbedder {

    private final EmbeddClient embedd;

    public TextEmbedder(EmbeddClient embedd) {
        this.embedd = embedd;
    }

    public List<float[]> embed(CollectionSpec spec, List<String> texts) {
        if (spec.embedModel() == null) {
            throw VectordException.invalid("no_embed_model", "collection '" + spec.name()
                    + "' has no embedModel, so it takes vectors, not text; create it with an embedModel to use text");
        }
        EmbeddingResponse response = call(EmbeddingRequest.of(spec.embedModel(), texts));
        List<EmbeddingResponse.Item> items = response.data() == null ? List.of() : response.data();
        if (items.size() != texts.size()) {
            throw VectordException.embeddingFailed("embedd returned " + items.size() + " embeddings for "
                    + texts.size() + " texts");
        }
        float[][] vectors = new float[texts.size()][];
        for (EmbeddingResponse.Item item : items) {
            float[] embedding = item.embedding();
            if (item.index() < 0 || item.index() >= vectors.length || embedding == null) {
                throw VectordException.embeddingFailed("embedd returned an embedding without a valid index");
            }
            if (embedding.length != spec.dimension()) {
                throw VectordException.embeddingFailed("model '" + spec.embedModel() + "' returns " + embedding.length
                        + " dimensions; collection '" + spec.name() + "' has " + spec.dimension());
            }
            vectors[item.index()] = embedding;
        }
        return List.of(vectors);
    }

    private EmbeddingResponse call(EmbeddingRequest request) {
        try {
            return embedd.embed(request);
        } catch (HttpClientErrorException e) {
            int status = e.getStatusCode().value();
            if (status == 400 || status == 413 || status == 422) {
                // The texts themselves were refused (too long, too many): the caller can fix that.
                throw VectordException.invalid("embedding_refused", "embedd refused the text(s) with status " + status
                        + ": " + brief(e.getResponseBodyAsString()));
            }
            throw VectordException.embeddingFailed("embedd refused model '" + request.model() + "' with status "
                    + status + ": " + brief(e.getResponseBodyAsString()));
        } catch (RestClientResponseException e) {
            throw VectordException.embeddingUnavailable("embedd answered status " + e.getStatusCode().value()
                    + ": " + brief(e.getResponseBodyAsString()));
        } catch (ResourceAccessException e) {
            throw VectordException.embeddingUnavailable("embedd cannot be reached (LAKEHOUSE_EMBEDD_URL): "
                    + brief(String.valueOf(e.getMessage())));
        } catch (RestClientException e) {
            throw VectordException.embeddingFailed("embedd's answer could not be read: " + brief(String.valueOf(e.getMessage())));
        }
    }

    private static String brief(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
