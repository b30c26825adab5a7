package dev.lakehouse.chatd.model;

import java.util.Optional;

/**
 * A model at a provider: {@code provider/model}, split at the first slash so that
 * {@code openrouter/meta-llama/llama-3.1-8b-instruct} is OpenRouter's {@code meta-llama/llama-3.1-8b-instruct}.
 */
public record ModelRef(String provider, String model) {

    /** Splits {@code provider/model}; empty when there is no slash or either side is blank. */
    public static Optional<ModelRef> split(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ModelRef(name.substring(0, slash), name.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return provider + "/" + model;
    }
}
