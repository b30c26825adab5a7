package dev.lakehouse.materializerd.recipe;

import java.util.function.Consumer;

/** Turns the records of a run into candidate lines, in a deterministic order. */
public interface Recipe {

    RecipeName name();

    /** Bumped whenever the recipe writes different lines for the same input: part of the fingerprint. */
    int version();

    /** Schema id every line conforms to (validated by id: the lines carry no schema field). */
    String lineSchema();

    void produce(RecipeRun run, Consumer<Candidate> out);
}
