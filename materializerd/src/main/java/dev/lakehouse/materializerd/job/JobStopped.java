package dev.lakehouse.materializerd.job;

/** Unwinds a running job: cancelled by its caller, or interrupted because the daemon stops. */
final class JobStopped extends RuntimeException {

    private final boolean cancelled;

    JobStopped(boolean cancelled) {
        super(cancelled ? "cancelled" : "daemon stopping", null, false, false);
        this.cancelled = cancelled;
    }

    boolean cancelled() {
        return cancelled;
    }
}
