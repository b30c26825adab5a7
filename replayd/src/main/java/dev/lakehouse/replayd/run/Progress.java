package dev.lakehouse.replayd.run;

import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.Transition;
import java.util.List;

/**
 * Counts over the results written so far.
 *
 * @param done results written
 * @param answered results where the target returned an output
 * @param errors results where it returned none
 * @param originalPassed results whose recorded output passed validation
 * @param targetPassed results whose target output passed validation
 */
public record Progress(long done, long answered, long errors, long originalPassed, long targetPassed, long regressed,
        long improved) {

    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0);

    public Progress plus(List<ReplayResult> results) {
        Progress sum = this;
        for (ReplayResult result : results) {
            boolean answer = result.target().output() != null;
            Transition transition = result.comparison().transition();
            sum = new Progress(sum.done + 1, sum.answered + (answer ? 1 : 0), sum.errors + (answer ? 0 : 1),
                    sum.originalPassed + (Boolean.TRUE.equals(result.original().passed()) ? 1 : 0),
                    sum.targetPassed + (Boolean.TRUE.equals(result.target().passed()) ? 1 : 0),
                    sum.regressed + (transition == Transition.REGRESSED ? 1 : 0),
                    sum.improved + (transition == Transition.IMPROVED ? 1 : 0));
        }
        return sum;
    }
}
