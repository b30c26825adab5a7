package dev.lakehouse.materializerd;

import dev.lakehouse.chassis.testing.DaemonContractTests;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaterializerdDaemonContractTests extends DaemonContractTests {

    private static final Path DATA_DIR = TestLakes.tempDir("materializerd-contract-");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", DATA_DIR::toString);
        registry.add("lakehouse.lake-dir", () -> DATA_DIR.resolve("lake").toString());
    }

    @Override
    protected String daemonName() {
        return "materializerd";
    }

    @Override
    protected String jsonRoute() {
        return "/v1/materializations";
    }
}
