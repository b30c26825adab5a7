package dev.lakehouse.replayd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void interpolatesLinearlyBetweenClosestRanks() {
        Percentiles sample = new Percentiles();
        for (double value : new double[] {0.9, 0.1, 0.5, 0.3, 0.7}) {
            sample.add(value);
        }

        double p10 = sample.at(0.10);
        double p50 = sample.at(0.50);
        double p90 = sample.at(0.90);

        assertThat(p10).isCloseTo(0.18, within(1e-12));
        assertThat(p50).isCloseTo(0.5, within(1e-12));
        assertThat(p90).isCloseTo(0.82, within(1e-12));
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles sample = new Percentiles();
        sample.add(0.42);

        assertThat(sample.at(0.10)).isEqualTo(0.42);
        assertThat(sample.at(0.90)).isEqualTo(0.42);
        assertThat(sample.mean()).isEqualTo(0.42);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        Percentiles sample = new Percentiles();

        for (int i = 0; i <= 1000; i++) {
            sample.add(i);
        }

        assertThat(sample.size()).isEqualTo(1001);
        assertThat(sample.at(0.5)).isEqualTo(500.0);
    }
}
