package dev.lakehouse.replayd.compare;

import dev.lakehouse.schemas.replay.ReplayError;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one side's output.
 *
 * @param passed true or false; null when validated refused to judge it (its {@code error} says why)
 */
public record SideVerdict(@Nullable Boolean passed, @Nullable ValidationVerdict verdict, @Nullable ReplayError error) {

    /** There is no output to validate: it fails. */
    public static final SideVerdict NO_OUTPUT = new SideVerdict(false, null, null);
    /** Validation was not asked for. */
    public static final SideVerdict NOT_VALIDATED = new SideVerdict(null, null, null);
}
