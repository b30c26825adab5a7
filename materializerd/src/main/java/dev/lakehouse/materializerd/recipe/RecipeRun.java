package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.chassis.lake.SegmentRead;
import dev.lakehouse.materializerd.option.Options;
import dev.lakehouse.materializerd.option.Redactor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Everything a recipe reads in one job: the pinned lake segments, posted documents, filters
 * and options. A recipe may read the observations several times; only the first pass counts
 * records read and dropped.
 */
public final class RecipeRun {

    private final LakeReader reader;
    private final List<PinnedSegment> pins;
    private final List<Document> documents;
    private final Options options;
    private final ObservationFilter filter;
    private final Redactor redactor;
    private final int parallelism;
    private final Runnable checkpoint;
    private final RunCounts counts;
    private int passes;
    private boolean stopped;

    /** @param checkpoint called for every record in lake order; throws to cancel the run */
    public RecipeRun(LakeReader reader, List<PinnedSegment> pins, List<Document> documents, Options options,
            Filters filters, int parallelism, Runnable checkpoint, RunCounts counts) {
        this.reader = reader;
        this.pins = List.copyOf(pins);
        this.documents = List.copyOf(documents);
        this.options = options;
        this.filter = new ObservationFilter(filters);
        this.redactor = new Redactor(options.redactOn());
        this.parallelism = parallelism;
        this.checkpoint = checkpoint;
        this.counts = counts;
    }

    public Options options() {
        return options;
    }

    public Redactor redactor() {
        return redactor;
    }

    public ObservationFilter filter() {
        return filter;
    }

    public List<Document> documents() {
        return documents;
    }

    /**
     * One pass over the pinned observations in lake order: {@code extract} runs on the read
     * threads, {@code sink} on this one in order. Stops for good once the sink throws
     * {@link StopReading}.
     */
    public <T> void observations(Function<JsonNode, Extract<T>> extract, Consumer<T> sink) {
        boolean counting = passes++ == 0;
        for (PinnedSegment pin : pins) {
            if (stopped) {
                return;
            }
            checkpoint.run();
            if (counting) {
                counts.torn(pin.tornLines());
            }
            Segment segment = reader.current(pin.toSegment(reader.lakeDir()));
            SegmentRead read;
            try {
                read = reader.read(segment, pin.bytes(), parallelism, line -> extract.apply(line.record()),
                        extracted -> accept(extracted, sink, counting));
            } catch (StopReading stop) {
                stopped = true;
                return;
            }
            verify(pin, read);
            if (counting) {
                counts.invalid(read.invalid().size());
            }
        }
    }

    /** Counts one document as read (recipes that read posted documents instead of the lake). */
    public void documentRead() {
        checkpoint.run();
        counts.read();
    }

    /** Counts a candidate the recipe's ordered step dropped (deterministic: called in lake order). */
    public void dropped(String reason) {
        counts.drops().add(reason);
    }

    public boolean stopped() {
        return stopped;
    }

    public void stop() {
        stopped = true;
    }

    private <T> void accept(Extract<T> extracted, Consumer<T> sink, boolean counting) {
        checkpoint.run();
        if (counting) {
            counts.read();
        }
        if (extracted.value() != null) {
            sink.accept(extracted.value());
        } else if (counting && extracted.dropped() != null) {
            counts.drops().add(extracted.dropped());
        }
    }

    private static void verify(PinnedSegment pin, SegmentRead read) {
        if (read.error() != null) {
            throw new IllegalStateException("lake segment " + pin.name() + " " + read.error());
        }
        if (read.bytesRead() != pin.bytes() || !read.sha256().equals(pin.sha256())) {
            throw new IllegalStateException("lake segment " + pin.name() + " changed since it was pinned ("
                    + pin.bytes() + " bytes, sha256 " + pin.sha256() + "); the lake is append-only, so it was rewritten");
        }
    }
}
