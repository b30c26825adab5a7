package dev.lakehouse.materializerd.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a materialization is: queued, running, then succeeded, failed or cancelled for good. */
public enum JobState {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
