package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.source.SourceSpec;
import dev.lakehouse.replayd.target.TargetSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A run as it was asked for, defaults filled in.
 *
 * @param concurrency chatd calls in flight at once
 * @param ratePerSecond chatd calls started per second, at most
 * @param maxRecords records replayed, at most
 */
public record RunSpec(SourceSpec source, TargetSpec target, int concurrency, double ratePerSecond, long maxRecords,
        Set<CompareMode> compare) {

    public RunSpec {
        EnumSet<CompareMode> ordered = EnumSet.noneOf(CompareMode.class);
        ordered.addAll(compare);
        compare = Collections.unmodifiableSet(ordered);
    }
}
