package dev.lakehouse.replayd.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.replayd.ReplaydProperties;
import dev.lakehouse.schemas.observation.Usage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTests {

    private final PriceTable prices = new PriceTable("EUR", List.of(
            new ReplaydProperties.Price("openai/gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.60")),
            new ReplaydProperties.Price("openai/*", new BigDecimal("2.50"), new BigDecimal("10.00"))));

    @Test
    void pricesPromptAndCompletionTokensPerMillion() {
        BigDecimal cost = prices.cost("openai", "gpt-4o-mini", Usage.of(1_000_000, 500_000, false)).orElseThrow();

        assertThat(cost).isEqualByComparingTo("0.45");
    }

    @Test
    void aProviderWideRowCoversModelsWithoutTheirOwn() {
        BigDecimal cost = prices.cost("openai", "gpt-4o", Usage.of(1000, 1000, false)).orElseThrow();

        assertThat(cost).isEqualByComparingTo("0.0125");
    }

    @Test
    void aModelWithoutAPriceHasNoCost() {
        assertThat(prices.cost("anthropic", "claude-3-5-haiku-latest", Usage.of(10, 10, false))).isEmpty();
        assertThat(prices.currency()).isEqualTo("EUR");
    }
}
