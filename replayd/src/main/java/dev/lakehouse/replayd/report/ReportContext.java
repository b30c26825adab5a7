package dev.lakehouse.replayd.report;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.replayd.source.SourceSpec;
import dev.lakehouse.replayd.target.TargetSpec;
import java.time.Instant;
import java.util.Set;

/** What a report says about its run besides the results. */
public record ReportContext(String runId, String state, boolean complete, Instant createdAt, SourceSpec source,
        TargetSpec target, Set<CompareMode> compare) {
}
