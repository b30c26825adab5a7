package dev.lakehouse.replayd.run;

/** As many runs as allowed are already waiting or running. */
public class QueueFullException extends RuntimeException {

    private final int limit;

    public QueueFullException(int limit) {
        super(limit + " replays are already queued or running");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
