package dev.lakehouse.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One suite for all end-to-end test classes of a run: starting seven JVMs on two cores
 * takes half a minute, so tests share it, and a test that kills a daemon restarts it.
 */
public final class SharedSuite {

    private static Suite suite;

    private SharedSuite() {
    }

    public static synchronized Suite get() {
        if (suite == null) {
            try {
                Path dataDir = Files.createTempDirectory("lakehouse-e2e-");
                // Unbuffered access logs: tests read them right after a request.
                suite = Suite.start(dataDir, Map.of("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Suite started = suite;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                TempDirs.deleteQuietly(started.dataDir());
            }));
        }
        return suite;
    }
}
