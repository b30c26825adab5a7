package dev.lakehouse.embedd.ollama;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingBackend;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import dev.lakehouse.embedd.backend.ModelInfo;
import dev.lakehouse.embedd.backend.UnknownModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every model name not served in process goes to Ollama's {@code /api/embed}, in batches. */
public class OllamaEmbeddingBackend implements EmbeddingBackend {

    private final OllamaClient client;
    private final OllamaModels models;
    private final String servedInProcess;

    /**
     * @param servedInProcess named in the 503 when Ollama is down, so the caller knows what still works
     */
    public OllamaEmbeddingBackend(OllamaClient client, OllamaModels models, String servedInProcess) {
        this.client = client;
        this.models = models;
        this.servedInProcess = servedInProcess;
    }

    @Override
    public String name() {
        return "ollama";
    }

    /** Ollama reads a name without a tag as {@code :latest}; both share one cache entry. */
    @Override
    public Optional<String> canonicalName(String requested) {
        int lastSlash = requested.lastIndexOf('/');
        boolean tagged = requested.indexOf(':', lastSlash + 1) >= 0;
        return Optional.of(tagged ? requested : requested + ":latest");
    }

    @Override
    public EmbedOptions normalize(String model, EmbedOptions options) {
        // Ollama itself cuts the vector to `dimensions` and renormalises it (or keeps it whole when shorter).
        return options;
    }

    @Override
    public List<EmbeddingVector> embed(String model, List<String> texts, EmbedOptions options) {
        OllamaWire.EmbedResponse response;
        try {
            response = client.embed(new OllamaWire.EmbedRequest(model, texts, options.truncate(), options.dimensions()));
        } catch (OllamaResponseException e) {
            throw translate(model, e);
        } catch (OllamaUnreachableException e) {
            throw EmbeddingException.unavailable(e.getMessage() + "; in-process models still serve: " + servedInProcess,
                    e.retryAfter());
        }
        List<float[]> embeddings = response.embeddings();
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw EmbeddingException.backendError("Ollama returned " + (embeddings == null ? 0 : embeddings.size())
                    + " embeddings for " + texts.size() + " inputs");
        }
        int[] tokens = apportion(response.promptEvalCount() == null ? 0 : response.promptEvalCount(), texts);
        List<EmbeddingVector> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(new EmbeddingVector(embeddings.get(i), tokens[i]));
        }
        return vectors;
    }

    private RuntimeException translate(String model, OllamaResponseException e) {
        if (e.status() == 404) {
            return new UnknownModelException(model, e.ollamaMessage());
        }
        if (e.status() == 400) {
            return EmbeddingException.invalid(null, "Ollama refused the input: " + e.ollamaMessage());
        }
        if (e.status() == 429 || e.status() == 503) {
            return EmbeddingException.unavailable("Ollama is busy: " + e.ollamaMessage(), e.retryAfter());
        }
        return EmbeddingException.backendError("Ollama failed: HTTP " + e.status() + ": " + e.ollamaMessage());
    }

    /**
     * Ollama reports one token count for the whole batch ({@code prompt_eval_count}); each
     * input gets a share proportional to its length (largest remainder), so the shares add up
     * to Ollama's count and a cached input keeps its share.
     */
    static int[] apportion(int total, List<String> texts) {
        int[] shares = new int[texts.size()];
        long characters = texts.stream().mapToLong(text -> Math.max(1, text.length())).sum();
        int given = 0;
        double[] remainders = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            double exact = (double) total * Math.max(1, texts.get(i).length()) / characters;
            shares[i] = (int) exact;
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (int left = total - given; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }

    @Override
    public List<ModelInfo> models() {
        try {
            return models.embeddingModels();
        } catch (OllamaUnreachableException e) {
            throw EmbeddingException.unavailable(e.getMessage(), e.retryAfter());
        } catch (OllamaResponseException e) {
            throw EmbeddingException.backendError(e.getMessage());
        }
    }
}
