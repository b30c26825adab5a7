package dev.lakehouse.replayd.report;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.schemas.observation.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per million tokens by {@code provider/model}, a {@code provider/*} row covering every
 * model of a provider that has no row of its own.
 */
public final class PriceTable {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final String currency;
    private final Map<String, ReplaydProperties.Price> prices = new LinkedHashMap<>();

    public PriceTable(String currency, List<ReplaydProperties.Price> rows) {
        this.currency = currency;
        rows.forEach(row -> prices.put(row.model(), row));
    }

    public boolean isEmpty() {
        return prices.isEmpty();
    }

    public String currency() {
        return currency;
    }

    /** The cost of one call's usage, or empty when its model has no price. */
    public Optional<BigDecimal> cost(String provider, String model, Usage usage) {
        ReplaydProperties.Price price = prices.get(provider + "/" + model);
        if (price == null) {
            price = prices.get(provider + "/*");
        }
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal input = price.inputPerMillion().multiply(BigDecimal.valueOf(usage.promptTokens()));
        BigDecimal output = price.outputPerMillion().multiply(BigDecimal.valueOf(usage.completionTokens()));
        return Optional.of(input.add(output).divide(MILLION, 12, RoundingMode.HALF_UP));
    }
}
