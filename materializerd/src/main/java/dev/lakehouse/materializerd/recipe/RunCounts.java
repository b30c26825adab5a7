package dev.lakehouse.materializerd.recipe;

import dev.lakehouse.materializerd.option.Drops;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.util.concurrent.atomic.AtomicLong;

/** What a run has read, kept and dropped so far; updated by the run, read by anyone. */
public final class RunCounts {

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong tornLines = new AtomicLong();
    private final AtomicLong invalidLines = new AtomicLong();
    private final Drops drops = new Drops();

    public void read() {
        read.incrementAndGet();
    }

    public void kept() {
        kept.incrementAndGet();
    }

    public void torn(long lines) {
        tornLines.addAndGet(lines);
    }

    public void invalid(long lines) {
        invalidLines.addAndGet(lines);
    }

    public Drops drops() {
        return drops;
    }

    public DatasetManifest.Counts snapshot() {
        return new DatasetManifest.Counts(read.get(), kept.get(), drops.snapshot(), tornLines.get(), invalidLines.get());
    }
}
