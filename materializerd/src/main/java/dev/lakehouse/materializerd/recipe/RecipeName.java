package dev.lakehouse.materializerd.recipe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The recipes a materialization can follow; each is also the first directory under {@code datasets/}. */
public enum RecipeName {
    /** OpenAI chat fine-tuning lines from observations that passed validation and the gate. */
    @JsonProperty("sft") SFT,
    /** Passed versus failed outputs for the same prompt, in OpenAI's or TRL's format. */
    @JsonProperty("preference") PREFERENCE,
    /** A chunked retrieval corpus from observations or posted documents. */
    @JsonProperty("rag") RAG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecipeName> parse(String id) {
        return Arrays.stream(values()).filter(recipe -> recipe.id().equals(id)).findFirst();
    }
}
