package dev.lakehouse.embedd.onnx;

import dev.lakehouse.embedd.backend.EmbedOptions;
import dev.lakehouse.embedd.backend.EmbeddingBackend;
import dev.lakehouse.embedd.backend.EmbeddingException;
import dev.lakehouse.embedd.backend.EmbeddingVector;
import dev.lakehouse.embedd.backend.ModelInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Serves all-MiniLM-L6-v2 in process as {@code all-minilm}: the embedded default that
 * works with no network and no Ollama (DESIGN 8).
 */
public class OnnxEmbeddingBackend implements EmbeddingBackend {

    public static final String MODEL = "all-minilm";
    /** Ollama's names for the same model, so a client written for Ollama finds it here too. */
    public static final Set<String> ALIASES = Set.of("all-minilm:l6-v2", "all-minilm:latest");

    private final MiniLmEncoder encoder;
    private final int maxBatchTokens;
    private final long loadedAt = Instant.now().getEpochSecond();

    public OnnxEmbeddingBackend(MiniLmEncoder encoder, OnnxProperties properties) {
        this.encoder = encoder;
        this.maxBatchTokens = properties.maxBatchTokens();
    }

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public Optional<String> canonicalName(String requested) {
        return MODEL.equals(requested) || ALIASES.contains(requested) ? Optional.of(MODEL) : Optional.empty();
    }

    @Override
    public EmbedOptions normalize(String model, EmbedOptions options) {
        Integer dimensions = options.dimensions();
        if (dimensions != null && dimensions != MiniLmEncoder.DIMENSIONS) {
            throw EmbeddingException.unsupported("dimensions", "model '" + MODEL + "' produces "
                    + MiniLmEncoder.DIMENSIONS + " dimensions only; omit dimensions or send " + MiniLmEncoder.DIMENSIONS);
        }
        // 384 asked or not: the same vector, so the same cache entry.
        return new EmbedOptions(null, options.truncate());
    }

    @Override
    public List<EmbeddingVector> embed(String model, List<String> texts, EmbedOptions options) {
        List<long[]> sequences = texts.stream().map(text -> encoder.tokenize(text, options.truncate())).toList();
        EmbeddingVector[] vectors = new EmbeddingVector[texts.size()];
        for (List<Integer> batch : batchesByLength(sequences)) {
            float[][] embedded = encoder.embed(batch.stream().map(sequences::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                int index = batch.get(i);
                vectors[index] = new EmbeddingVector(embedded[i], sequences.get(index).length);
            }
        }
        return List.of(vectors);
    }

    /**
     * Groups texts of similar length so padding wastes little, and keeps each run within
     * {@code max-batch-tokens} padded tokens: attention memory grows with batch x length^2.
     */
    private List<List<Integer>> batchesByLength(List<long[]> sequences) {
        List<Integer> order = IntStream.range(0, sequences.size()).boxed()
                .sorted(Comparator.comparingInt(i -> sequences.get(i).length)).toList();
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int index : order) {
            int length = sequences.get(index).length;
            if (!current.isEmpty() && (long) (current.size() + 1) * length > maxBatchTokens) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(index);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(new ModelInfo(MODEL, "lakehouse", MiniLmEncoder.DIMENSIONS, loadedAt));
    }
}
