package dev.lakehouse.replayd.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CosineTests {

    @Test
    void parallelVectorsAreOneWhateverTheirLength() {
        assertThat(Cosine.of(new float[] {1, 2, 3}, new float[] {2, 4, 6}).getAsDouble()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void orthogonalVectorsAreZeroAndOppositeOnesMinusOne() {
        assertThat(Cosine.of(new float[] {1, 0}, new float[] {0, 1}).getAsDouble()).isEqualTo(0.0);
        assertThat(Cosine.of(new float[] {1, 1}, new float[] {-1, -1}).getAsDouble()).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void zeroOrMismatchedVectorsHaveNoSimilarity() {
        assertThat(Cosine.of(new float[] {0, 0}, new float[] {1, 0})).isEmpty();
        assertThat(Cosine.of(new float[] {1, 0}, new float[] {1, 0, 0})).isEmpty();
        assertThat(Cosine.of(new float[0], new float[0])).isEmpty();
    }

    @Test
    void roundingNeverLeavesMinusOneToOne() {
        float[] v = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f};

        assertThat(Cosine.of(v, v.clone()).getAsDouble()).isLessThanOrEqualTo(1.0);
    }
}
