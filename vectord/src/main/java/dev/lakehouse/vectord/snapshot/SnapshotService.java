package dev.lakehouse.vectord.snapshot;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.collection.AtomicFiles;
import dev.lakehouse.vectord.collection.CollectionRegistry;
import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.VectorCollection;
import dev.lakehouse.vectord.index.IndexStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots under {@code lakehouse.vectord.snapshot-dir}: {@code <collection>/<id>/snapshot.json}
 * and {@code index/}, the files of one Lucene commit point (hard links where possible, since
 * Lucene never changes a file once written). A snapshot appears under its id only when complete.
 */
public final class SnapshotService {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String INFO = "snapshot.json";
    private static final String PARTIAL = ".partial-";

    private final Path root;
    private final CollectionRegistry registry;
    private final JsonMapper json;
    private final Clock clock;

    public SnapshotService(Path root, CollectionRegistry registry, JsonMapper json, Clock clock) {
        this.root = root;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    public SnapshotInfo create(VectorCollection collection) {
        Instant now = clock.instant();
        String id = STAMP.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path directory = root.resolve(collection.name());
        Path partial = directory.resolve(PARTIAL + id);
        try {
            Files.createDirectories(directory);
            IndexStats stats = collection.index().snapshot(partial.resolve("index"));
            SnapshotInfo info = new SnapshotInfo(id, collection.name(), now, stats.points(), stats.bytesOnDisk(),
                    collection.spec());
            AtomicFiles.write(partial.resolve(INFO), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
            AtomicFiles.moveDirectory(partial, directory.resolve(id));
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot collection " + collection.name(), e);
        }
    }

    public List<SnapshotInfo> list(String collection) {
        Path directory = root.resolve(collection);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            // A ".partial-" directory is a snapshot being written or deleted (or one a crash interrupted).
            return entries.filter(entry -> !entry.getFileName().toString().startsWith(PARTIAL))
                    .filter(entry -> Files.isRegularFile(entry.resolve(INFO)))
                    .map(entry -> json.readValue(entry.resolve(INFO).toFile(), SnapshotInfo.class))
                    .sorted(Comparator.comparing(SnapshotInfo::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SnapshotInfo get(String collection, String id) {
        Path info = snapshotDirectory(collection, id).resolve(INFO);
        return json.readValue(info.toFile(), SnapshotInfo.class);
    }

    public void delete(String collection, String id) {
        Path directory = snapshotDirectory(collection, id);
        try {
            Path doomed = directory.resolveSibling(PARTIAL + id + "-deleted");
            AtomicFiles.moveDirectory(directory, doomed);
            AtomicFiles.deleteRecursively(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot " + id, e);
        }
    }

    /** A new collection named {@code name} holding exactly the snapshot's points. */
    public VectorCollection restore(String name, String collection, String id) {
        SnapshotInfo info = get(collection, id);
        CollectionSpec spec = new CollectionSpec(name, info.spec().dimension(), info.spec().metric(),
                info.spec().quantization(), info.spec().embedModel(), clock.instant());
        return registry.createFrom(spec, snapshotDirectory(collection, id).resolve("index"));
    }

    private Path snapshotDirectory(String collection, String id) {
        if (!ID.matcher(id).matches() || !Files.isRegularFile(root.resolve(collection).resolve(id).resolve(INFO))) {
            throw VectordException.snapshotNotFound(collection, id);
        }
        return root.resolve(collection).resolve(id);
    }
}
