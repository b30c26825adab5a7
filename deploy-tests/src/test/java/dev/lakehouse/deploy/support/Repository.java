package dev.lakehouse.deploy.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository being tested: where the compose file, the manifests and the jars are. */
public final class Repository {

    private static final Path ROOT = Path.of(System.getProperty("lakehouse.root", "..")).toAbsolutePath().normalize();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    /** The daemon's executable jar, which must have been built (the module depends on the daemons). */
    public static Path executableJar(String daemon) {
        Path jar = ROOT.resolve(daemon).resolve("target").resolve(daemon + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar " + jar + "; run ./mvnw -DskipTests package first");
        }
        return jar;
    }
}
