package dev.lakehouse.deploy.compose;

import dev.lakehouse.deploy.support.Commands;
import dev.lakehouse.deploy.support.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The repository's docker-compose.yml run as its own project (a unique name, so nothing else on
 * the engine is touched), with a test env file, a test API key file and the gateway published on
 * a free loopback port.
 */
final class ComposeProject implements AutoCloseable {

    static final String INTERNAL_TOKEN = "compose-it-internal-token-0123456789";

    private final String name = "lakehouse-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final Path workDir;
    private final int gatewayPort = freePort();
    private final Map<String, String> environment;

    ComposeProject(Path workDir, String apiKeysYaml) {
        this.workDir = workDir;
        try {
            Path envFile = Files.writeString(workDir.resolve("lakehouse.env"),
                    "LAKEHOUSE_INTERNAL_TOKEN=" + INTERNAL_TOKEN + "\n");
            Path keysFile = Files.writeString(workDir.resolve("api-keys.yml"), apiKeysYaml);
            environment = Map.of("LAKEHOUSE_ENV_FILE", envFile.toString(),
                    "LAKEHOUSE_API_KEYS", keysFile.toString(),
                    "LAKEHOUSE_GATEWAY_PUBLISH", "127.0.0.1:" + gatewayPort,
                    "COMPOSE_HTTP_TIMEOUT", "300");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    int gatewayPort() {
        return gatewayPort;
    }

    Path workDir() {
        return workDir;
    }

    Commands.Result compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", name,
                "-f", Repository.resolve("docker-compose.yml").toString()));
        command.addAll(Arrays.asList(arguments));
        return Commands.run(command, environment, timeout);
    }

    Commands.Result composeOrThrow(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        command.addAll(Arrays.asList(arguments));
        return compose(timeout, arguments).orThrow(command);
    }

    /** The id of a service's container. */
    String containerOf(String service) {
        return composeOrThrow(Duration.ofSeconds(30), "ps", "-q", service).output().strip();
    }

    /** Docker's health status of a service's container: starting, healthy, unhealthy, or none. */
    String healthOf(String service) {
        String id = containerOf(service);
        if (id.isEmpty()) {
            return "absent";
        }
        return Commands.run(List.of("docker", "inspect", "--format",
                "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", id), Duration.ofSeconds(30))
                .output().strip();
    }

    /** The host ports a service's container publishes, as `docker port` lists them (empty: none). */
    String publishedPorts(String service) {
        return Commands.run(List.of("docker", "port", containerOf(service)), Duration.ofSeconds(30)).output().strip();
    }

    /** Everything a service logged, for failure messages. */
    String logs(String service) {
        return compose(Duration.ofSeconds(60), "logs", "--no-color", "--tail", "80", service).output();
    }

    /** The project's volumes, as docker names them. */
    List<String> volumes() {
        return Commands.run(List.of("docker", "volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + name),
                Duration.ofSeconds(30)).output().lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public void close() {
        compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "20");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
