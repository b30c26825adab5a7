package dev.lakehouse.replayd.peer;

import org.jspecify.annotations.Nullable;

/**
 * A peer could not be reached, or kept failing, through every retry: no result would be
 * honest, so the run stops and fails with this message (its results so far are kept).
 */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
