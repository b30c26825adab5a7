package dev.lakehouse.replayd.run;

/** The run is already finished, so it cannot be cancelled. */
public class RunConflictException extends RuntimeException {

    public RunConflictException(String message) {
        super(message);
    }
}
