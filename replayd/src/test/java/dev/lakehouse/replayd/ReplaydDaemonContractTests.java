package dev.lakehouse.replayd;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplaydDaemonContractTests extends DaemonContractTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", dataDir::toString);
    }

    @Override
    protected String daemonName() {
        return "replayd";
    }

    @Override
    protected String jsonRoute() {
        return "/v1/replays";
    }
}
