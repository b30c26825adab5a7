package dev.lakehouse.schemas.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Mirrors the OpenAI alternative of {@code lakehouse.preference-pair/v1}: one line of
 * OpenAI's preference fine-tuning JSONL.
 */
@JsonPropertyOrder({"input", "preferred_output", "non_preferred_output"})
public record OpenAiPreferencePair(
        Input input,
        @JsonProperty("preferred_output") List<DatasetMessage> preferredOutput,
        @JsonProperty("non_preferred_output") List<DatasetMessage> nonPreferredOutput) {

    public static final String SCHEMA = "lakehouse.preference-pair/v1";

    public OpenAiPreferencePair {
        preferredOutput = List.copyOf(preferredOutput);
        nonPreferredOutput = List.copyOf(nonPreferredOutput);
    }

    /** The prompt: every message before the answer. */
    public record Input(List<DatasetMessage> messages) {

        public Input {
            messages = List.copyOf(messages);
        }
    }
}
