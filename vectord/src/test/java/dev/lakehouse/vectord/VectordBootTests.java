package dev.lakehouse.vectord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * vectord booted once on a random port over a temporary data dir, shared by the API test
 * classes (one context: they all extend this). embedd points at a port where nothing listens,
 * so text calls show how vectord behaves when embedd is down; the real embedd is exercised by
 * the end-to-end suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.http.serviceclient.embedd.base-url=http://127.0.0.1:9")
public abstract class VectordBootTests {

    /** One directory for the shared context; JUnit's @TempDir would be removed after the first class. */
    protected static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    protected VectordTestClient client;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("lakehouse.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        client = VectordTestClient.onPort(port);
    }

    /** A fresh collection name, so tests never see each other's points. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String createCollection(String prefix, String spec) {
        String name = uniqueName(prefix);
        client.ok(client.put("/v1/collections/" + name, spec));
        return name;
    }

    private static Path createDataDir() {
        try {
            Path directory = Files.createTempDirectory("vectord-tests-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory)));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }
}
