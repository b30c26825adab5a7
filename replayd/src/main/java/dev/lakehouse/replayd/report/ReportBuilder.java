package dev.lakehouse.replayd.report;

import dev.lakehouse.replayd.compare.CompareMode;
import dev.lakehouse.schemas.replay.Comparison;
import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplayResult;
import dev.lakehouse.schemas.replay.ReplaySide;
import dev.lakehouse.schemas.replay.Transition;
import dev.lakehouse.schemas.verdict.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds a run's results, in seq order, into its report. Memory grows only with the regressions,
 * improvements and similarity values kept, all bounded by the run's {@code maxRecords}.
 */
public final class ReportBuilder {

    private final PriceTable prices;
    private long total;
    private long answered;
    private final Map<String, Long> errorsByCode = new TreeMap<>();
    private final PassCounts overall = new PassCounts();
    private final Map<String, PassCounts> byRole = new TreeMap<>();
    private final long[] transitions = new long[Transition.values().length];
    private final List<ReplayReport.Change> regressions = new ArrayList<>();
    private final List<ReplayReport.Change> improvements = new ArrayList<>();
    private long exactCompared;
    private long exactMatches;
    private final Percentiles similarity = new Percentiles();
    private final SideTotals original = new SideTotals();
    private final SideTotals target = new SideTotals();

    public ReportBuilder(PriceTable prices) {
        this.prices = prices;
    }

    public void add(ReplayResult result) {
        total++;
        if (result.target().output() != null) {
            answered++;
        } else if (result.target().error() != null) {
            errorsByCode.merge(result.target().error().code(), 1L, Long::sum);
        } else {
            errorsByCode.merge("no_output", 1L, Long::sum);
        }
        Boolean originalPassed = result.original().passed();
        Boolean targetPassed = result.target().passed();
        if (originalPassed != null && targetPassed != null) {
            overall.add(originalPassed, targetPassed);
            byRole.computeIfAbsent(result.role(), role -> new PassCounts()).add(originalPassed, targetPassed);
        }
        Comparison comparison = result.comparison();
        if (comparison.transition() != null) {
            transitions[comparison.transition().ordinal()]++;
            change(result, comparison.transition());
        }
        if (comparison.exactMatch() != null) {
            exactCompared++;
            exactMatches += comparison.exactMatch() ? 1 : 0;
        }
        if (comparison.similarity() != null) {
            similarity.add(comparison.similarity());
        }
        original.add(result.original(), prices);
        target.add(result.target(), prices);
    }

    public ReplayReport build(ReportContext context) {
        boolean validation = context.compare().contains(CompareMode.VALIDATION);
        Map<String, ReplayReport.PassRate> roles = new TreeMap<>();
        byRole.forEach((role, counts) -> roles.put(role, counts.rate()));
        return new ReplayReport(ReplayReport.SCHEMA, context.runId(), context.state(), context.complete(),
                context.createdAt(),
                new ReplayReport.Source(context.source().kind(),
                        context.source().dataset() == null ? null : context.source().dataset().ref(),
                        context.source().filters()),
                new ReplayReport.Target(context.target().model(), context.target().role()),
                context.compare().stream().sorted().map(CompareMode::wireName).toList(),
                new ReplayReport.Records(total, answered, total - answered, new TreeMap<>(errorsByCode)),
                validation ? new ReplayReport.PassRates(overall.rate(), roles) : null,
                new ReplayReport.Transitions(count(Transition.STILL_PASSES), count(Transition.REGRESSED),
                        count(Transition.IMPROVED), count(Transition.STILL_FAILS)),
                regressions, improvements,
                new ReplayReport.Exact(exactCompared, exactMatches, Rounding.ratio(exactMatches, exactCompared)),
                similarity(),
                new ReplayReport.Sides<>(original.latency(), target.latency()),
                new ReplayReport.Sides<>(original.tokens(), target.tokens()),
                prices.isEmpty() ? null : new ReplayReport.Cost(prices.currency(), original.cost(), target.cost()));
    }

    private long count(Transition transition) {
        return transitions[transition.ordinal()];
    }

    private ReplayReport.Similarity similarity() {
        if (similarity.size() == 0) {
            return new ReplayReport.Similarity(0, null, null, null, null);
        }
        return new ReplayReport.Similarity(similarity.size(), Rounding.round(similarity.mean()),
                Rounding.round(similarity.at(0.10)), Rounding.round(similarity.at(0.50)), Rounding.round(similarity.at(0.90)));
    }

    private void change(ReplayResult result, Transition transition) {
        if (transition == Transition.REGRESSED) {
            boolean error = result.target().output() == null;
            regressions.add(new ReplayReport.Change(result.recordId(), result.seq(), result.role(),
                    error ? "error" : "invalid", failingCodes(result.target())));
        } else if (transition == Transition.IMPROVED) {
            improvements.add(new ReplayReport.Change(result.recordId(), result.seq(), result.role(), "valid",
                    failingCodes(result.original())));
        }
    }

    /** Why a side fails: its error code, {@code no_output}, or the codes of its error-severity violations. */
    static List<String> failingCodes(ReplaySide side) {
        if (side.output() == null) {
            return List.of(side.error() != null ? side.error().code() : "no_output");
        }
        if (side.validation() == null) {
            return List.of();
        }
        return side.validation().violations().stream()
                .filter(violation -> violation.severity() == Severity.ERROR)
                .map(violation -> violation.code())
                .distinct()
                .toList();
    }

    /** Original and target passes over the results where both have a verdict. */
    private static final class PassCounts {

        private long total;
        private long originalPassed;
        private long targetPassed;

        void add(boolean original, boolean target) {
            total++;
            originalPassed += original ? 1 : 0;
            targetPassed += target ? 1 : 0;
        }

        ReplayReport.PassRate rate() {
            return new ReplayReport.PassRate(
                    new ReplayReport.Rate(originalPassed, total, Rounding.ratio(originalPassed, total)),
                    new ReplayReport.Rate(targetPassed, total, Rounding.ratio(targetPassed, total)));
        }
    }
}
