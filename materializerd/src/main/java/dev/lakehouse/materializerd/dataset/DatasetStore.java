package dev.lakehouse.materializerd.dataset;

import dev.lakehouse.chassis.lake.Durability;
import dev.lakehouse.materializerd.recipe.RecipeName;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The datasets on disk: {@code <dir>/<recipe>/<name>/v<N>/part-*.jsonl + manifest.json}.
 * A version is written in {@code <dir>/.staging/<job>/}, its manifest last, and becomes
 * visible by one atomic rename, so a version directory never lacks its manifest or holds a
 * partial file. Versions are never changed or removed by the daemon.
 */
public final class DatasetStore {

    public static final String MANIFEST = "manifest.json";
    /** Dataset names are directory names: nothing that could escape the datasets directory. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final String STAGING = ".staging";

    private final Path dir;
    private final JsonMapper json;
    private final ConcurrentHashMap<String, Object> nameLocks = new ConcurrentHashMap<>();

    public DatasetStore(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    public Path dir() {
        return dir;
    }

    /** A fresh, empty staging directory for a job. */
    public Path staging(String jobId) {
        Path staging = dir.resolve(STAGING).resolve(jobId);
        deleteRecursively(staging);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
        return staging;
    }

    /** Removes what interrupted jobs left in staging; their jobs start over. */
    public void clearStaging() {
        deleteRecursively(dir.resolve(STAGING));
    }

    public void discard(Path staging) {
        deleteRecursively(staging);
    }

    /** The recipe under which a dataset name exists, if any: a name belongs to one recipe. */
    public Optional<RecipeName> recipeOf(String name) {
        return Stream.of(RecipeName.values()).filter(recipe -> Files.isDirectory(nameDir(recipe, name))).findFirst();
    }

    /** The version of this dataset made from the same recipe, filters, options and inputs, if one exists. */
    public Optional<DatasetManifest> findByFingerprint(RecipeName recipe, String name, String fingerprint) {
        return manifests(recipe, name).stream().filter(manifest -> manifest.fingerprint().equals(fingerprint)).findFirst();
    }

    /**
     * Makes a staged version visible: unless a version with the same fingerprint appeared
     * meanwhile (then the staging is discarded and that version returned), takes the next
     * version number, writes the manifest the callback builds for it, syncs, and renames.
     */
    public Committed commit(RecipeName recipe, String name, String fingerprint, Path staging,
            IntFunction<DatasetManifest> manifestForVersion) {
        synchronized (nameLocks.computeIfAbsent(name, key -> new Object())) {
            Optional<DatasetManifest> existing = findByFingerprint(recipe, name, fingerprint);
            if (existing.isPresent()) {
                discard(staging);
                return new Committed(existing.get(), true);
            }
            int version = versions(recipe, name).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            DatasetManifest manifest = manifestForVersion.apply(version);
            try {
                Path manifestFile = staging.resolve(MANIFEST);
                Files.write(manifestFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                try (var channel = java.nio.channels.FileChannel.open(manifestFile, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Durability.syncDirectory(staging);
                Path target = nameDir(recipe, name).resolve("v" + version);
                Files.createDirectories(target.getParent());
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                Durability.syncDirectory(target.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit dataset " + name + " v" + version, e);
            }
            return new Committed(manifest, false);
        }
    }

    /** Every complete version of a dataset, oldest first. */
    public List<DatasetManifest> manifests(RecipeName recipe, String name) {
        return versions(recipe, name).stream().sorted()
                .map(version -> readManifest(nameDir(recipe, name).resolve("v" + version)))
                .flatMap(Optional::stream)
                .toList();
    }

    /** One version of a dataset by name, whatever its recipe. */
    public Optional<StoredVersion> version(String name, int version) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return recipeOf(name).flatMap(recipe -> {
            Path versionDir = nameDir(recipe, name).resolve("v" + version);
            return readManifest(versionDir).map(manifest -> new StoredVersion(versionDir, manifest));
        });
    }

    /** Every dataset with its complete versions, by name. */
    public List<StoredDataset> list() {
        List<StoredDataset> all = new ArrayList<>();
        for (RecipeName recipe : RecipeName.values()) {
            for (String name : children(dir.resolve(recipe.id()))) {
                List<DatasetManifest> manifests = manifests(recipe, name);
                if (!manifests.isEmpty()) {
                    all.add(new StoredDataset(name, recipe, manifests));
                }
            }
        }
        all.sort(Comparator.comparing(StoredDataset::name));
        return all;
    }

    private List<Integer> versions(RecipeName recipe, String name) {
        List<Integer> versions = new ArrayList<>();
        for (String child : children(nameDir(recipe, name))) {
            Matcher m = VERSION_DIR.matcher(child);
            if (m.matches()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        return versions;
    }

    private Optional<DatasetManifest> readManifest(Path versionDir) {
        Path file = versionDir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), DatasetManifest.class));
    }

    private Path nameDir(RecipeName recipe, String name) {
        return dir.resolve(recipe.id()).resolve(name);
    }

    private static List<String> children(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, Files::isDirectory)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
        names.sort(null);
        return names;
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** A committed version, and whether it already existed (an idempotent repeat). */
    public record Committed(DatasetManifest manifest, boolean reused) {
    }

    /** A version on disk. */
    public record StoredVersion(Path dir, DatasetManifest manifest) {
    }

    /** A dataset and its versions. */
    public record StoredDataset(String name, RecipeName recipe, List<DatasetManifest> versions) {
    }
}
