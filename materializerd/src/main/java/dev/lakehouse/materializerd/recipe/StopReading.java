package dev.lakehouse.materializerd.recipe;

/** Thrown by a run's sink once the record cap is reached: the run reads no further. */
public final class StopReading extends RuntimeException {

    public StopReading() {
        super("record cap reached", null, false, false);
    }
}
