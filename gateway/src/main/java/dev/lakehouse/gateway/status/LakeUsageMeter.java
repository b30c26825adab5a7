package dev.lakehouse.gateway.status;

import dev.lakehouse.chassis.lake.LakeProperties;
import dev.lakehouse.gateway.status.StatusReport.LakeUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The lake's disk use per stream (its top-level directories) and the free space of its disk,
 * measured at most once per {@code lakeUsageMaxAge}. The gateway sees the lake of its own host;
 * where daemons keep theirs on other volumes it shows the part it can see.
 */
@Component
class LakeUsageMeter {

    private final Path dir;
    private final StatusProperties properties;
    private final Clock clock = Clock.systemUTC();
    private @Nullable LakeUsage last;
    private Instant measuredAt = Instant.EPOCH;

    LakeUsageMeter(LakeProperties lake, StatusProperties properties) {
        this.dir = lake.dir().toAbsolutePath().normalize();
        this.properties = properties;
    }

    synchronized LakeUsage usage() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(measuredAt.plus(properties.lakeUsageMaxAge()))) {
            last = measure();
            measuredAt = now;
        }
        return last;
    }

    private LakeUsage measure() {
        if (!Files.isDirectory(dir)) {
            return new LakeUsage(dir.toString(), Map.of(), freeSpaceNear(dir), "no lake yet");
        }
        Map<String, Long> byStream = new TreeMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).forEach(child -> byStream.put(child.getFileName().toString(), size(child)));
            return new LakeUsage(dir.toString(), byStream, OptionalDouble.of(Files.getFileStore(dir).getUsableSpace()), null);
        } catch (IOException | UncheckedIOException e) {
            return new LakeUsage(dir.toString(), byStream, OptionalDouble.empty(), "cannot read " + dir + ": " + e.getMessage());
        }
    }

    /** Free space of the disk the lake will be on: that of its nearest existing parent. */
    private static OptionalDouble freeSpaceNear(Path dir) {
        for (Path existing = dir; existing != null; existing = existing.getParent()) {
            if (Files.isDirectory(existing)) {
                try {
                    return OptionalDouble.of(Files.getFileStore(existing).getUsableSpace());
                } catch (IOException e) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.empty();
    }

    private static long size(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
