package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.option.ContentKey;
import dev.lakehouse.materializerd.option.LongHashSet;
import dev.lakehouse.schemas.dataset.DatasetMessage;
import dev.lakehouse.schemas.dataset.OpenAiPreferencePair;
import dev.lakehouse.schemas.dataset.TrlPreferencePair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preference pairs for one prompt: a passing output (chosen) against a failing one (rejected).
 * Inside one observation, each invalid or bleeding attempt before the final valid output
 * (re-ask, fallback) pairs with that output. Across observations with the same normalised
 * prompt, the failing attempts of an observation that never passed pair with the first
 * passing output of that prompt in lake order.
 *
 * <p>Three passes keep memory bounded by the number of distinct failing prompts, not by the
 * lake: which prompts have both kinds of output; the first passing output of those; then the
 * pairs, in lake order of the rejected output.
 */
@Component
public class PreferenceRecipe implements Recipe {

    static final String NO_CANDIDATE = "no_candidate";
    static final String IDENTICAL = "identical_outputs";
    static final String PROMPT_LIMIT = "prompt_limit";
    private static final Set<String> FAILED = Set.of("invalid", "bleed");

    private final ObjectWriter openai;
    private final ObjectWriter trl;
    private final int maxPrompts;

    public PreferenceRecipe(JsonMapper json, MaterializerdProperties properties) {
        this.openai = json.writerFor(OpenAiPreferencePair.class);
        this.trl = json.writerFor(TrlPreferencePair.class);
        this.maxPrompts = properties.maxPreferencePrompts();
    }

    @Override
    public RecipeName name() {
        return RecipeName.PREFERENCE;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String lineSchema() {
        return OpenAiPreferencePair.SCHEMA;
    }

    @Override
    public void produce(RecipeRun run, Consumer<Candidate> out) {
        LongHashSet passed = new LongHashSet();
        LongHashSet failed = new LongHashSet();
        run.observations(observation -> item(observation, run), item -> {
            if (item.passedOutput() != null) {
                passed.add(item.key());
            }
            if (!item.ok() && !item.failedOutputs().isEmpty()) {
                failed.add(item.key());
            }
        });
        Map<Long, String> firstPassed = new HashMap<>();
        run.observations(observation -> item(observation, run), item -> {
            if (item.passedOutput() != null && failed.contains(item.key()) && !firstPassed.containsKey(item.key())) {
                if (firstPassed.size() < maxPrompts) {
                    firstPassed.put(item.key(), item.passedOutput());
                }
            }
        });
        boolean useTrl = "trl".equals(run.options().format());
        run.observations(observation -> item(observation, run), item -> {
            String chosen = item.ok() ? item.passedOutput() : firstPassed.get(item.key());
            if (chosen == null) {
                if (!item.ok() && passed.contains(item.key())) {
                    run.dropped(PROMPT_LIMIT);
                }
                return;
            }
            for (String rejected : item.failedOutputs()) {
                pair(item.prompt(), chosen, rejected, useTrl, run, out);
            }
        });
    }

    private void pair(List<DatasetMessage> prompt, String chosen, String rejected, boolean useTrl, RecipeRun run,
            Consumer<Candidate> out) {
        if (ContentKey.of(chosen) == ContentKey.of(rejected)) {
            run.dropped(IDENTICAL);
            return;
        }
        List<DatasetMessage> chosenTurn = List.of(DatasetMessage.of("assistant", chosen));
        List<DatasetMessage> rejectedTurn = List.of(DatasetMessage.of("assistant", rejected));
        byte[] line = useTrl
                ? trl.writeValueAsBytes(new TrlPreferencePair(prompt, chosenTurn, rejectedTurn))
                : openai.writeValueAsBytes(new OpenAiPreferencePair(new OpenAiPreferencePair.Input(prompt), chosenTurn,
                        rejectedTurn));
        List<String> parts = new ArrayList<>(Prompts.keyParts(prompt));
        parts.add(chosen);
        parts.add(rejected);
        out.accept(new Candidate(line, ContentKey.of(parts.toArray(String[]::new))));
    }

    private Extract<Item> item(JsonNode observation, RecipeRun run) {
        String filtered = run.filter().reject(observation);
        if (filtered != null) {
            return Extract.drop(filtered);
        }
        String[] reason = new String[1];
        List<DatasetMessage> prompt = Prompts.of(observation, run.redactor(), reason);
        if (prompt == null) {
            return Extract.drop(reason[0]);
        }
        boolean ok = "ok".equals(observation.path("outcome").asString(""));
        String output = observation.path("output").path("content").asString("");
        String passedOutput = ok && !output.isEmpty() ? run.redactor().redact(output) : null;
        Set<String> failedOutputs = new LinkedHashSet<>();
        for (JsonNode attempt : observation.path("attempts")) {
            String text = attempt.path("output").asString("");
            if (FAILED.contains(attempt.path("status").asString("")) && !text.isEmpty()) {
                failedOutputs.add(run.redactor().redact(text));
            }
        }
        if (passedOutput == null && failedOutputs.isEmpty()) {
            return Extract.drop(NO_CANDIDATE);
        }
        long key = ContentKey.of(Prompts.keyParts(prompt).toArray(String[]::new));
        return Extract.of(new Item(key, prompt, passedOutput != null, passedOutput, List.copyOf(failedOutputs)));
    }

    /** What one observation offers: its prompt, its passing output if it passed, its failing outputs. */
    private record Item(long key, List<DatasetMessage> prompt, boolean ok, @Nullable String passedOutput,
            List<String> failedOutputs) {
    }
}
