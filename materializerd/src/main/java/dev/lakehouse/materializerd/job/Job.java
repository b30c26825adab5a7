package dev.lakehouse.materializerd.job;

import dev.lakehouse.materializerd.recipe.RunCounts;
import java.util.concurrent.atomic.AtomicLong;

/** A job in this process: its persisted record plus live progress and the cancel request. */
public final class Job {

    private volatile JobRecord record;
    private volatile RunCounts counts = new RunCounts();
    private final AtomicLong pushed = new AtomicLong();
    private volatile boolean cancelRequested;

    Job(JobRecord record) {
        this.record = record;
    }

    public JobRecord record() {
        return record;
    }

    void update(JobRecord next) {
        record = next;
    }

    /** Live counts while it runs; the record's counts once it has finished. */
    public RunCounts counts() {
        return counts;
    }

    RunCounts freshCounts() {
        counts = new RunCounts();
        pushed.set(0);
        return counts;
    }

    public long pushed() {
        return pushed.get();
    }

    AtomicLong pushedCounter() {
        return pushed;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }
}
