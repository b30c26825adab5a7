package dev.lakehouse.replayd.report;

import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplaySide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.TreeSet;

/** Latency, token and cost totals of one side (original or target) over a run's results. */
final class SideTotals {

    private long latencyCount;
    private double latencyTotal;
    private long tokenCount;
    private long promptTokens;
    private long completionTokens;
    private long totalTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private long priced;
    private long unpriced;
    private final TreeSet<String> unpricedModels = new TreeSet<>();

    void add(ReplaySide side, PriceTable prices) {
        if (side.latencyMs() != null) {
            latencyCount++;
            latencyTotal += side.latencyMs();
        }
        if (side.usage() == null) {
            return;
        }
        tokenCount++;
        promptTokens += side.usage().promptTokens();
        completionTokens += side.usage().completionTokens();
        totalTokens += side.usage().totalTokens();
        String provider = side.provider() == null ? "unknown" : side.provider();
        String model = side.model() == null ? "unknown" : side.model();
        Optional<BigDecimal> price = prices.cost(provider, model, side.usage());
        if (price.isPresent()) {
            priced++;
            cost = cost.add(price.get());
        } else {
            unpriced++;
            unpricedModels.add(provider + "/" + model);
        }
    }

    ReplayReport.Latency latency() {
        return new ReplayReport.Latency(latencyCount, Rounding.round(latencyTotal),
                latencyCount == 0 ? null : Rounding.round(latencyTotal / latencyCount));
    }

    ReplayReport.Tokens tokens() {
        return new ReplayReport.Tokens(tokenCount, promptTokens, completionTokens, totalTokens);
    }

    ReplayReport.CostTotal cost() {
        return new ReplayReport.CostTotal(cost.setScale(6, RoundingMode.HALF_UP), priced, unpriced,
                unpricedModels.stream().toList());
    }
}
