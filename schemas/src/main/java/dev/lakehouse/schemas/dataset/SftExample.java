package dev.lakehouse.schemas.dataset;

import java.util.List;

/** Mirrors {@code lakehouse.sft-example/v1}: one line of OpenAI chat fine-tuning JSONL. */
public record SftExample(List<DatasetMessage> messages) {

    public static final String SCHEMA = "lakehouse.sft-example/v1";

    public SftExample {
        messages = List.copyOf(messages);
    }
}
