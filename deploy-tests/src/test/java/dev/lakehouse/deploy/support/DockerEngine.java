package dev.lakehouse.deploy.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Container tests need a Docker engine (and for compose, docker-compose). Outside CI a machine
 * without them skips those tests; under CI ({@code CI} set) their absence is a failure.
 */
public final class DockerEngine {

    private static Boolean available;

    private DockerEngine() {
    }

    public static synchronized void require() {
        if (available == null) {
            available = Commands.works(List.of("docker", "info"));
        }
        requireThat(available, "no Docker engine answers `docker info` (install docker.io and start dockerd)");
    }

    public static void requireCompose() {
        require();
        requireThat(Commands.works(List.of("docker-compose", "version")),
                "docker-compose is not installed (apt-get install docker-compose)");
    }

    public static void requireThat(boolean condition, String problem) {
        if (condition) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("CI is set, and " + problem);
        }
        Assumptions.abort(problem);
    }
}
