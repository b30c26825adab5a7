package dev.lakehouse.vectord.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorsTests {

    private static final CollectionSpec COSINE = IndexFixture.spec(2, Metric.COSINE, Quantization.NONE);
    private static final CollectionSpec L2 = IndexFixture.spec(2, Metric.L2, Quantization.NONE);

    @Test
    void cosineVectorsAreStoredUnitLength() {
        float[] unit = Vectors.prepare(COSINE, new float[] {3, 4}, "/vector");

        assertThat(unit[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(unit[1]).isCloseTo(0.8f, within(1e-6f));
    }

    @Test
    void otherMetricsKeepVectorsAsGiven() {
        float[] vector = {3, 4};

        assertThat(Vectors.prepare(L2, vector, "/vector")).containsExactly(3, 4);
        assertThat(Vectors.prepare(L2, new float[] {0, 0}, "/vector")).containsExactly(0, 0);
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void nonFiniteValuesAreRefused(float value) {
        assertThatThrownBy(() -> Vectors.prepare(L2, new float[] {1, value}, "/vector"))
                .isInstanceOfSatisfying(VectordException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_vector");
                    assertThat(e.getBody().getDetail()).startsWith("/vector/1");
                });
    }

    @Test
    void zeroVectorUnderCosineAndWrongDimensionAreRefused() {
        assertThatThrownBy(() -> Vectors.prepare(COSINE, new float[] {0, 0}, "/vector"))
                .isInstanceOfSatisfying(VectordException.class, e -> assertThat(e.code()).isEqualTo("zero_vector"));
        assertThatThrownBy(() -> Vectors.prepare(COSINE, new float[] {1, 0, 0}, "/vector"))
                .isInstanceOfSatisfying(VectordException.class, e -> assertThat(e.code()).isEqualTo("wrong_dimension"));
    }
}
