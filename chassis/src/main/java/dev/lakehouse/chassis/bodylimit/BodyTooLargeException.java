package dev.lakehouse.chassis.bodylimit;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
