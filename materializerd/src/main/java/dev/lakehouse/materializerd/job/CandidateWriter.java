package dev.lakehouse.materializerd.job;

import dev.lakehouse.materializerd.dataset.DatasetWriter;
import dev.lakehouse.materializerd.option.Selection;
import dev.lakehouse.materializerd.option.Split;
import dev.lakehouse.materializerd.recipe.Candidate;
import dev.lakehouse.materializerd.recipe.RunCounts;
import dev.lakehouse.materializerd.recipe.StopReading;
import java.util.function.Consumer;

/** The ordered end of a run: options select each candidate line, the writer stores the kept ones. */
final class CandidateWriter implements Consumer<Candidate> {

    private final Selection selection;
    private final DatasetWriter writer;
    private final RunCounts counts;

    CandidateWriter(Selection selection, DatasetWriter writer, RunCounts counts) {
        this.selection = selection;
        this.writer = writer;
        this.counts = counts;
    }

    @Override
    public void accept(Candidate candidate) {
        if (selection.full()) {
            throw new StopReading();
        }
        Split split = selection.select(candidate.key());
        if (split != null) {
            writer.write(split, candidate.line());
            counts.kept();
        }
    }
}
