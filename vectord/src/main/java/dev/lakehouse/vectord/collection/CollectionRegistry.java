package dev.lakehouse.vectord.collection;

import dev.lakehouse.vectord.VectordException;
import dev.lakehouse.vectord.index.VectorIndex;
import dev.lakehouse.vectord.index.VectorIndexFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open collections, one directory each under {@code lakehouse.vectord.dir}. Creating and
 * deleting are atomic on disk: a collection is built in a staging directory and renamed into
 * place, and deleted by renaming it away first, so a crash never leaves half a collection
 * behind (leftover staging and trash directories are removed at the next start).
 */
public final class CollectionRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectionRegistry.class);
    private static final String STAGING = ".creating-";
    private static final String TRASH = ".deleting-";

    private final Path root;
    private final VectorIndexFactory factory;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<String, VectorCollection> open = new ConcurrentHashMap<>();

    public CollectionRegistry(Path root, VectorIndexFactory factory, JsonMapper json, MeterRegistry meters)
            throws IOException {
        this.root = Files.createDirectories(root);
        this.factory = factory;
        this.json = json;
        this.meters = meters;
        openExisting();
    }

    public VectorCollection get(String name) {
        VectorCollection collection = open.get(name);
        if (collection == null) {
            throw VectordException.collectionNotFound(name);
        }
        return collection;
    }

    public List<VectorCollection> list() {
        return open.values().stream().sorted(Comparator.comparing(VectorCollection::name)).toList();
    }

    public synchronized VectorCollection create(CollectionSpec spec) {
        return createFrom(spec, null);
    }

    /** Creates a collection whose index starts as a copy of {@code indexFiles} (a snapshot), or empty. */
    public synchronized VectorCollection createFrom(CollectionSpec spec, @Nullable Path indexFiles) {
        if (open.containsKey(spec.name())) {
            throw VectordException.collectionExists(spec.name());
        }
        CollectionFiles staging = new CollectionFiles(root.resolve(STAGING + spec.name() + "-" + shortId()));
        Path target = root.resolve(spec.name());
        try {
            Files.createDirectories(staging.index());
            if (indexFiles != null) {
                copyIndex(indexFiles, staging.index());
            }
            staging.writeSpec(json, spec);
            factory.open(spec, staging.index()).close();
            AtomicFiles.moveDirectory(staging.directory(), target);
        } catch (IOException e) {
            deleteQuietly(staging.directory());
            throw new UncheckedIOException("cannot create collection " + spec.name(), e);
        }
        return register(spec, new CollectionFiles(target));
    }

    public synchronized void drop(String name) {
        VectorCollection collection = get(name);
        open.remove(name);
        unregisterMeters(name);
        Path trash = root.resolve(TRASH + name + "-" + shortId());
        try {
            collection.index().close();
            AtomicFiles.moveDirectory(root.resolve(name), trash);
            AtomicFiles.deleteRecursively(trash);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete collection " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        for (VectorCollection collection : list()) {
            try {
                collection.index().close();
            } catch (IOException | RuntimeException e) {
                log.warn("closing collection {} failed", collection.name(), e);
            }
        }
        open.clear();
    }

    private void openExisting() throws IOException {
        long start = System.nanoTime();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(STAGING) || name.startsWith(TRASH)) {
                    log.info("removing {} left by an interrupted create or delete", entry);
                    deleteQuietly(entry);
                } else if (Files.isRegularFile(entry.resolve(CollectionFiles.METADATA))) {
                    CollectionFiles files = new CollectionFiles(entry);
                    register(files.readSpec(json), files);
                }
            }
        }
        log.info("vectord: opened {} collection(s) from {} in {} ms", open.size(), root,
                (System.nanoTime() - start) / 1_000_000);
    }

    private VectorCollection register(CollectionSpec spec, CollectionFiles files) {
        VectorIndex index;
        try {
            index = factory.open(spec, files.index());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open collection " + spec.name() + " in " + files.directory(), e);
        }
        VectorCollection collection = new VectorCollection(spec, index);
        open.put(spec.name(), collection);
        gauge("lakehouse.vectord.collection.points", "Live points of the collection", spec.name(),
                c -> c.index().stats().points());
        gauge("lakehouse.vectord.collection.bytes", "Bytes of the collection's index files", spec.name(),
                c -> c.index().stats().bytesOnDisk());
        return collection;
    }

    private void gauge(String name, String description, String collection, ToDoubleFunction<VectorCollection> value) {
        Gauge.builder(name, open, collections -> {
            VectorCollection current = collections.get(collection);
            try {
                return current == null ? Double.NaN : value.applyAsDouble(current);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).tag("collection", collection).register(meters);
    }

    private void unregisterMeters(String collection) {
        List<Meter> owned = meters.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("lakehouse.vectord."))
                .filter(meter -> collection.equals(meter.getId().getTag("collection")))
                .toList();
        owned.forEach(meters::remove);
    }

    private static void copyIndex(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                AtomicFiles.linkOrCopy(file, target.resolve(file.getFileName()));
            }
        }
        AtomicFiles.syncDirectory(target);
    }

    private static void deleteQuietly(Path directory) {
        try {
            AtomicFiles.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("cannot remove {}", directory, e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
