package dev.lakehouse.validated;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValidatedDaemonContractTests extends DaemonContractTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("validated-contract").toString();
        registry.add("lakehouse.data-dir", () -> dataDir);
    }

    @Override
    protected String daemonName() {
        return "validated";
    }

    @Override
    protected String jsonRoute() {
        return "/v1/validate";
    }
}
