package dev.lakehouse.deploy.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The seven daemons with the ports of DESIGN section 3. */
public enum Daemon {
    GATEWAY(8080),
    EMBEDD(8081),
    VECTORD(8082),
    CHATD(8083),
    VALIDATED(8084),
    MATERIALIZERD(8085),
    REPLAYD(8086);

    private final int port;

    Daemon(int port) {
        this.port = port;
    }

    public static List<Daemon> all() {
        return Arrays.asList(values());
    }

    public static Daemon named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The daemon's name as in module, image, service and compose names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int port() {
        return port;
    }

    /** The environment variable that sets the daemon's port ({@code LAKEHOUSE_EMBEDD_PORT}). */
    public String portVariable() {
        return "LAKEHOUSE_" + name() + "_PORT";
    }
}
