package dev.lakehouse.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.deploy.support.Commands;
import dev.lakehouse.deploy.support.DockerEngine;
import dev.lakehouse.deploy.support.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docker-compose 1.29 accepts the file as it is and with each profile. */
class ComposeConfigIT {

    @BeforeAll
    static void requireCompose() {
        DockerEngine.requireCompose();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ollama", "dashboards"})
    void composeAcceptsTheFileWithEachProfile(String profile, @TempDir Path dir) throws IOException {
        Map<String, String> environment = Map.of(
                "LAKEHOUSE_ENV_FILE", Files.writeString(dir.resolve("lakehouse.env"),
                        "LAKEHOUSE_INTERNAL_TOKEN=config-test-token-0123456789\n").toString(),
                "LAKEHOUSE_API_KEYS", Files.writeString(dir.resolve("api-keys.yml"), "keys: []\n").toString());
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f",
                Repository.resolve("docker-compose.yml").toString()));
        if (!profile.isEmpty()) {
            command.addAll(List.of("--profile", profile));
        }
        command.addAll(List.of("config", "--quiet"));

        Commands.Result result = Commands.run(command, environment, Duration.ofMinutes(1));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
