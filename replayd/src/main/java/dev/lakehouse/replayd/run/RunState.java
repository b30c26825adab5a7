package dev.lakehouse.replayd.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a run is in its life; the last three are final. */
public enum RunState {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
