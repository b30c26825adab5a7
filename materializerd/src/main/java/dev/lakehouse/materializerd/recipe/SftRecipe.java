package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.materializerd.option.ContentKey;
import dev.lakehouse.schemas.dataset.DatasetMessage;
import dev.lakehouse.schemas.dataset.SftExample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI chat fine-tuning lines, {@code {"messages": [system?, user..., assistant]}}, from
 * observations whose final output passed validation and the gate (outcome {@code ok}).
 */
@Component
public class SftRecipe implements Recipe {

    static final String OUTCOME = "outcome";
    static final String NO_OUTPUT = "no_output";

    private final ObjectWriter writer;

    public SftRecipe(JsonMapper json) {
        this.writer = json.writerFor(SftExample.class);
    }

    @Override
    public RecipeName name() {
        return RecipeName.SFT;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String lineSchema() {
        return SftExample.SCHEMA;
    }

    @Override
    public void produce(RecipeRun run, Consumer<Candidate> out) {
        run.observations(observation -> example(observation, run), out);
    }

    private Extract<Candidate> example(JsonNode observation, RecipeRun run) {
        String filtered = run.filter().reject(observation);
        if (filtered != null) {
            return Extract.drop(filtered);
        }
        if (!"ok".equals(observation.path("outcome").asString(""))) {
            return Extract.drop(OUTCOME);
        }
        String output = observation.path("output").path("content").asString("");
        if (output.isEmpty()) {
            return Extract.drop(NO_OUTPUT);
        }
        String[] reason = new String[1];
        List<DatasetMessage> prompt = Prompts.of(observation, run.redactor(), reason);
        if (prompt == null) {
            return Extract.drop(reason[0]);
        }
        List<DatasetMessage> messages = new ArrayList<>(prompt.size() + 1);
        messages.addAll(prompt);
        messages.add(DatasetMessage.of("assistant", run.redactor().redact(output)));
        byte[] line = writer.writeValueAsBytes(new SftExample(messages));
        return Extract.of(new Candidate(line, ContentKey.of(Prompts.keyParts(messages).toArray(String[]::new))));
    }
}
