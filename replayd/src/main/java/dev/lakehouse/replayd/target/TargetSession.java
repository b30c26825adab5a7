package dev.lakehouse.replayd.target;

import java.util.function.BooleanSupplier;

/**
 * What every call of one run shares: its id (recorded by chatd as the key id {@code replay:<id>}),
 * its target, its throttle, and whether it should stop.
 */
public record TargetSession(String runId, TargetSpec spec, Throttle throttle, BooleanSupplier stopped) {

    public String keyId() {
        return "replay:" + runId;
    }
}
