package dev.lakehouse.gateway.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * One daemon's health as the gateway sees it.
 *
 * @param status {@code UP}; {@code DOWN} when the daemon says so or refuses connections (nothing
 *     listens: the process is gone); {@code UNREACHABLE} when it cannot be told (timeout, no route, DNS)
 * @param details the daemon's components and their status, or why it could not be reached
 */
public record DaemonHealth(String name, String status, String url, long latencyMs, Map<String, Object> details) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String UNREACHABLE = "UNREACHABLE";

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
