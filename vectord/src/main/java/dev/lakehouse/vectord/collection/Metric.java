package dev.lakehouse.vectord.collection;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lakehouse.vectord.VectordException;
import java.util.Arrays;
import java.util.Locale;

/** How a collection compares vectors; a higher score is always closer except for {@link #L2}. */
public enum Metric {

    /** Cosine similarity; vectors are stored unit-normalised, so the engine computes a dot product. */
    COSINE,
    /** Raw inner product, vectors as given. */
    DOT,
    /** Euclidean distance; the score is the distance, so lower is closer. */
    L2;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Metric parse(String value) {
        return Arrays.stream(values()).filter(metric -> metric.wire().equals(value)).findFirst()
                .orElseThrow(() -> VectordException.invalid("invalid_metric",
                        "metric must be one of cosine, dot, l2; got '" + value + "'"));
    }
}
