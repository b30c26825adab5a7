package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.source.Pin;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run as {@code run.json} keeps it.
 *
 * @param pin the source as pinned when the run first started; null until then
 * @param error why the run failed
 * @param resumes how often a restart found the run unfinished and took it up again
 */
public record RunRecord(
        String id,
        RunSpec spec,
        RunState state,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Pin pin,
        @Nullable String error,
        int resumes) {

    public static RunRecord queued(String id, RunSpec spec, Instant now) {
        return new RunRecord(id, spec, RunState.QUEUED, now, null, null, null, null, 0);
    }

    public RunRecord started(Pin pinned, Instant now) {
        return new RunRecord(id, spec, RunState.RUNNING, createdAt, startedAt == null ? now : startedAt, null, pinned,
                null, resumes);
    }

    public RunRecord finished(RunState end, Instant now, @Nullable String why) {
        return new RunRecord(id, spec, end, createdAt, startedAt, now, pin, why, resumes);
    }

    /** Found unfinished by a restart: queued again to continue from its checkpoint. */
    public RunRecord resumed() {
        return new RunRecord(id, spec, RunState.QUEUED, createdAt, startedAt, null, pin, null, resumes + 1);
    }
}
