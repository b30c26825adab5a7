package dev.lakehouse.deploy.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The image names every container test uses, and the one build of them per test run:
 * {@code docker/build-images.sh} builds the offline base (skipped when up to date), the seven
 * daemon images from the executable jars, and Prometheus.
 */
public final class Images {

    public static final String TAG = "latest";
    public static final String GATEWAY = "lakehouse/gateway:" + TAG;
    public static final String EMBEDD = "lakehouse/embedd:" + TAG;
    public static final String VECTORD = "lakehouse/vectord:" + TAG;
    public static final String CHATD = "lakehouse/chatd:" + TAG;
    public static final String VALIDATED = "lakehouse/validated:" + TAG;
    public static final String MATERIALIZERD = "lakehouse/materializerd:" + TAG;
    public static final String REPLAYD = "lakehouse/replayd:" + TAG;
    public static final String PROMETHEUS = "lakehouse/prometheus:" + TAG;

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);
    private static boolean built;

    private Images() {
    }

    public static String of(Daemon daemon) {
        return "lakehouse/" + daemon.id() + ":" + TAG;
    }

    /** Builds every image once per test JVM; later calls return at once. */
    public static synchronized void ensureBuilt() {
        DockerEngine.require();
        if (built) {
            return;
        }
        Path script = Repository.resolve("docker/build-images.sh");
        Commands.run(List.of("bash", script.toString()), java.util.Map.of("LAKEHOUSE_IMAGE_TAG", TAG), BUILD_TIMEOUT)
                .orThrow(List.of(script.toString()));
        built = true;
    }
}
