package dev.lakehouse.materializerd;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daemon over a copy of the golden test lake ({@code src/test/resources/lakes/golden}) in a
 * temporary data directory; every subclass shares this one daemon.
 */
public abstract class MaterializerdTestBase extends MaterializerdApi {

    protected static final Path DATA_DIR = TestLakes.tempDir("materializerd-test-");
    protected static final Path LAKE_DIR = DATA_DIR.resolve("lake");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        TestLakes.copyGolden(LAKE_DIR);
        registry.add("lakehouse.data-dir", DATA_DIR::toString);
        registry.add("lakehouse.lake-dir", LAKE_DIR::toString);
    }
}
