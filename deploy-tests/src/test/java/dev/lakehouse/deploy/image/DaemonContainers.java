package dev.lakehouse.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.deploy.support.Daemon;
import dev.lakehouse.deploy.support.Http;
import dev.lakehouse.deploy.support.Images;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** One daemon image started alone, as a user would run it: only the internal token set. */
final class DaemonContainers {

    static final String TOKEN = "image-test-internal-token-0123456789";
    /** The host as seen from inside a container (Docker's host-gateway), for fake model providers. */
    static final String HOST_FROM_CONTAINER = "host.docker.internal";

    private DaemonContainers() {
    }

    static GenericContainer<?> start(Daemon daemon, Map<String, String> environment) {
        Images.ensureBuilt();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(Images.of(daemon)))
                .withEnv("LAKEHOUSE_INTERNAL_TOKEN", TOKEN)
                .withEnv(environment)
                .withExtraHost(HOST_FROM_CONTAINER, "host-gateway")
                .withExposedPorts(daemon.port())
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(1536L * 1024 * 1024))
                .waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        return container;
    }

    static Http peer(GenericContainer<?> container, Daemon daemon) {
        return Http.asPeer(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(daemon.port())),
                TOKEN);
    }

    /** The image's own HEALTHCHECK reports healthy, and the daemon runs as the image's non-root user. */
    static void assertHealthyAsNonRoot(GenericContainer<?> container) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "healthy".equals(healthOf(container)));

        Container.ExecResult uid = exec(container, "id", "-u");

        assertThat(uid.getStdout().strip()).isEqualTo("10001");
    }

    static void stop(GenericContainer<?> container) {
        if (container != null) {
            container.stop();
        }
    }

    private static String healthOf(GenericContainer<?> container) {
        var state = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec().getState();
        return state.getHealth() == null ? "none" : state.getHealth().getStatus();
    }

    private static Container.ExecResult exec(GenericContainer<?> container, String... command) {
        try {
            return container.execInContainer(command);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
