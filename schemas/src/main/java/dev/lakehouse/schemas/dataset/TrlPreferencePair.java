package dev.lakehouse.schemas.dataset;

import java.util.List;

/**
 * Mirrors the TRL alternative of {@code lakehouse.preference-pair/v1}: TRL's conversational
 * preference format, as its DPO trainer reads it.
 */
public record TrlPreferencePair(List<DatasetMessage> prompt, List<DatasetMessage> chosen, List<DatasetMessage> rejected) {

    public static final String SCHEMA = "lakehouse.preference-pair/v1";

    public TrlPreferencePair {
        prompt = List.copyOf(prompt);
        chosen = List.copyOf(chosen);
        rejected = List.copyOf(rejected);
    }
}
