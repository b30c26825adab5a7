package dev.lakehouse.replayd.run;

/** A run stopped between records: cancelled on request, or the daemon is shutting down. */
final class RunStopped extends RuntimeException {

    RunStopped() {
        super("run stopped", null, false, false);
    }
}
