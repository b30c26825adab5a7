package dev.lakehouse.embedd.embedding;

import dev.lakehouse.embedd.backend.EmbeddingException;
import java.util.List;

/** Refuses requests beyond {@link LimitsProperties} with a 400 that names the limit and its property. */
public class InputLimits {

    private final LimitsProperties limits;

    public InputLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    public void check(List<String> inputs) {
        if (inputs.size() > limits.maxInputs()) {
            throw EmbeddingException.invalid("input", "too many inputs: " + inputs.size() + "; at most "
                    + limits.maxInputs() + " per request (lakehouse.embedd.limits.max-inputs)");
        }
        for (int i = 0; i < inputs.size(); i++) {
            int length = inputs.get(i).length();
            if (length > limits.maxInputChars()) {
                throw EmbeddingException.invalid("input", "input[" + i + "] has " + length + " characters; at most "
                        + limits.maxInputChars() + " per input (lakehouse.embedd.limits.max-input-chars)");
            }
        }
    }
}
