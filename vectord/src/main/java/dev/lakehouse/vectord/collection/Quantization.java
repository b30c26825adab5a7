package dev.lakehouse.vectord.collection;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lakehouse.vectord.VectordException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the HNSW graph stores the vectors it searches (Lucene's optimized scalar quantization); the
 * full-precision vectors are always kept too, for re-ranking when asked, merges and {@code withVector}.
 */
public enum Quantization {

    /** 32-bit floats. */
    NONE(32),
    /** Scalar quantization to 8 bits per dimension: a quarter of the memory. */
    INT8(8),
    /** Scalar quantization to 4 bits per dimension, two per byte: an eighth of the memory. */
    INT4(4);

    private final int bits;

    Quantization(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Quantization parse(String value) {
        return Arrays.stream(values()).filter(quantization -> quantization.wire().equals(value)).findFirst()
                .orElseThrow(() -> VectordException.invalid("invalid_quantization",
                        "quantization must be one of none, int8, int4; got '" + value + "'"));
    }
}
