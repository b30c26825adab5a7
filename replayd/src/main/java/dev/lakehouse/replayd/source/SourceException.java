package dev.lakehouse.replayd.source;

/** A source cannot be read as it was pinned or named: the run fails with this message. */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
