package dev.lakehouse.replayd.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Reports show fractions and means to six decimals, rounded half up, so a report reads the same on every machine. */
final class Rounding {

    private Rounding() {
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    static @Nullable Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }
}
