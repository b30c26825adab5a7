package dev.lakehouse.embedd.onnx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process model.
 *
 * @param threads inference workers; 0 means one per available core. Each runs one ONNX
 *        inference at a time on one thread, so this bounds the CPU the model takes
 * @param maxBatchTokens padded tokens (texts x longest text) in one inference run; longer
 *        batches are split. Attention memory grows with batch x length squared, so this bounds
 *        the native memory a batch of long texts takes (512-token texts: 2 per run; 32-token texts: 32)
 */
@ConfigurationProperties("lakehouse.embedd.onnx")
public record OnnxProperties(@DefaultValue("0") int threads, @DefaultValue("1024") int maxBatchTokens) {

    public OnnxProperties {
        if (threads < 0) {
            throw new IllegalArgumentException("lakehouse.embedd.onnx.threads must be 0 (one per core) or more");
        }
        if (maxBatchTokens < MiniLmEncoder.MAX_TOKENS) {
            throw new IllegalArgumentException("lakehouse.embedd.onnx.max-batch-tokens must be at least "
                    + MiniLmEncoder.MAX_TOKENS + " (one full-length text)");
        }
    }

    /** The number of inference workers after resolving 0 to the core count. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
