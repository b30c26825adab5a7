package dev.lakehouse.replayd.run;

import java.util.concurrent.atomic.AtomicBoolean;

/** A run in memory: its record and checkpoint as last saved, and whether it was asked to stop. */
public final class Run {

    private volatile RunRecord record;
    private volatile Checkpoint checkpoint;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    Run(RunRecord record, Checkpoint checkpoint) {
        this.record = record;
        this.checkpoint = checkpoint;
    }

    public RunRecord record() {
        return record;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    void update(RunRecord next) {
        record = next;
    }

    void update(Checkpoint next) {
        checkpoint = next;
    }

    void requestCancel() {
        cancelRequested.set(true);
    }
}
