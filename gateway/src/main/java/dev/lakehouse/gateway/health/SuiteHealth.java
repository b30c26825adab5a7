package dev.lakehouse.gateway.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** Health of the whole suite: {@code UP} when every daemon is, {@code DEGRADED} otherwise. */
public record SuiteHealth(String status, Instant checkedAt, List<DaemonHealth> daemons) {

    public static SuiteHealth of(List<DaemonHealth> daemons) {
        boolean allUp = daemons.stream().allMatch(DaemonHealth::isUp);
        return new SuiteHealth(allUp ? "UP" : "DEGRADED", Instant.now(), List.copyOf(daemons));
    }

    @JsonIgnore
    public boolean isUp() {
        return "UP".equals(status);
    }
}
