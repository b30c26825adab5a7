package dev.lakehouse.replayd.run;

import dev.lakehouse.replayd.report.PriceTable;
import dev.lakehouse.replayd.report.ReportBuilder;
import dev.lakehouse.replayd.report.ReportContext;
import dev.lakehouse.schemas.replay.ReplayReport;
import java.time.Clock;

/** Builds a run's report from the results its checkpoint counts. */
public final class Reports {

    private final PriceTable prices;
    private final Clock clock;

    public Reports(PriceTable prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    public ReplayReport build(RunRecord record, Checkpoint checkpoint, RunFiles files) {
        ReportBuilder builder = new ReportBuilder(prices);
        files.readResults(checkpoint.resultsBytes(), builder::add);
        return builder.build(new ReportContext(record.id(), record.state().wireName(),
                record.state() == RunState.SUCCEEDED, clock.instant(), record.spec().source(), record.spec().target(),
                record.spec().compare()));
    }
}
