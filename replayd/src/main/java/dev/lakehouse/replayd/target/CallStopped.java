package dev.lakehouse.replayd.target;

/** The run was cancelled or the daemon is stopping while a call waited for its turn: the call was not made. */
public class CallStopped extends RuntimeException {

    public CallStopped() {
        super("the run stopped before the call was made", null, false, false);
    }
}
