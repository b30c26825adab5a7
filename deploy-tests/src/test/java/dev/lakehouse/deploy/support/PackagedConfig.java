package dev.lakehouse.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/** What a daemon's executable jar configures, read from its packaged application config. */
public final class PackagedConfig {

    private static final String[] CONFIG_FILES = {"BOOT-INF/classes/application.properties",
        "BOOT-INF/classes/application.yml", "BOOT-INF/classes/application.yaml"};

    private PackagedConfig() {
    }

    /**
     * The port the daemon listens on when its port variable is unset: the default of the
     * {@code ${LAKEHOUSE_<DAEMON>_PORT:<port>}} placeholder behind {@code server.port}.
     */
    public static int defaultPort(Daemon daemon) {
        String config = applicationConfig(daemon);
        Matcher port = Pattern.compile("port\\s*[=:]\\s*\\$\\{" + daemon.portVariable() + ":(\\d+)}").matcher(config);
        if (!port.find()) {
            throw new IllegalStateException(daemon.id() + "'s packaged config sets no server.port from "
                    + daemon.portVariable() + ":\n" + config);
        }
        return Integer.parseInt(port.group(1));
    }

    private static String applicationConfig(Daemon daemon) {
        try (ZipFile jar = new ZipFile(Repository.executableJar(daemon.id()).toFile())) {
            for (String name : CONFIG_FILES) {
                var entry = jar.getEntry(name);
                if (entry != null) {
                    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            throw new IllegalStateException(daemon.id() + "'s jar has no application config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
