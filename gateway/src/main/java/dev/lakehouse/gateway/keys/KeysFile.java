package dev.lakehouse.gateway.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The keys file ({@code LAKEHOUSE_API_KEYS_FILE}): YAML, one entry per key, hashes only.
 * Reading validates every entry and names the one at fault; writing replaces the file
 * atomically, readable by its owner only.
 */
public final class KeysFile {

    static final String HEADER = """
            # Lakehouse API keys. Only sha256 hashes of the secrets are stored here.
            # Manage with ./lakehouse keys add|list|revoke; the gateway reloads this file when it changes.
            # Per key: groups (embed, vectors, chat, validate, datasets, replays, admin), roles and
            # collections ("*" or absent: all), rate (requests-per-second, burst), max-concurrent.
            """;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private KeysFile() {
    }

    /** The keys in {@code yaml}; an empty document has none. */
    public static List<ApiKey> parse(byte[] yaml) {
        if (new String(yaml, StandardCharsets.UTF_8).lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            return List.of();
        }
        Document document;
        try {
            document = YAML.readValue(yaml, Document.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a valid keys file: " + e.getOriginalMessage(), e);
        }
        if (document == null || document.keys() == null) {
            return List.of();
        }
        List<ApiKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < document.keys().size(); i++) {
            ApiKey key = toKey(document.keys().get(i), i);
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException("key id '" + key.id() + "' appears twice");
            }
            if (!hashes.add(key.sha256())) {
                throw new IllegalArgumentException("key '" + key.id() + "' has the same sha256 as another key");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    public static List<ApiKey> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static String render(List<ApiKey> keys) {
        List<Entry> entries = keys.stream().map(KeysFile::toEntry).toList();
        return HEADER + YAML.writeValueAsString(new Document(entries));
    }

    /** Writes through a temporary file and a rename, so the gateway never reads half a file. */
    public static void write(Path file, List<ApiKey> keys) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".api-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, render(keys));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static ApiKey toKey(@Nullable Entry entry, int index) {
        String where = "key #" + (index + 1);
        if (entry == null || entry.id() == null) {
            throw new IllegalArgumentException(where + " has no id");
        }
        where = "key '" + entry.id() + "'";
        try {
            if (entry.sha256() == null) {
                throw new IllegalArgumentException("no sha256");
            }
            if (entry.groups() == null) {
                throw new IllegalArgumentException("no groups (list the route groups it may call)");
            }
            Set<RouteGroup> groups = new LinkedHashSet<>();
            entry.groups().forEach(name -> groups.add(RouteGroup.parseGrant(name)));
            RateLimit rate = entry.rate() == null ? RateLimit.DEFAULT
                    : new RateLimit(orDefault(entry.rate().requestsPerSecond(), RateLimit.DEFAULT.requestsPerSecond()),
                            (int) orDefault(entry.rate().burst(), RateLimit.DEFAULT.burst()));
            return new ApiKey(entry.id(), entry.name() == null ? entry.id() : entry.name(), entry.sha256(), groups,
                    allOrSome(entry.roles()), allOrSome(entry.collections()), rate,
                    entry.maxConcurrent() == null ? ApiKey.DEFAULT_MAX_CONCURRENT : entry.maxConcurrent(),
                    entry.created());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double orDefault(@Nullable Number value, double fallback) {
        return value == null ? fallback : value.doubleValue();
    }

    private static @Nullable Set<String> allOrSome(@Nullable List<String> names) {
        return names == null || names.contains("*") ? null : new LinkedHashSet<>(names);
    }

    private static Entry toEntry(ApiKey key) {
        return new Entry(key.id(), key.name(), key.sha256(),
                RouteGroup.GRANTABLE.stream().filter(key.groups()::contains).map(RouteGroup::wireName).toList(),
                key.roles() == null ? List.of("*") : key.roles().stream().sorted().toList(),
                key.collections() == null ? List.of("*") : key.collections().stream().sorted().toList(),
                new Rate(key.rate().requestsPerSecond(), key.rate().burst()), key.maxConcurrent(), key.created());
    }

    record Document(@Nullable List<Entry> keys) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            @Nullable String id,
            @Nullable String name,
            @Nullable String sha256,
            @Nullable List<String> groups,
            @Nullable List<String> roles,
            @Nullable List<String> collections,
            @Nullable Rate rate,
            @JsonProperty("max-concurrent") @Nullable Integer maxConcurrent,
            @Nullable Instant created) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rate(
            @JsonProperty("requests-per-second") @Nullable Double requestsPerSecond,
            @Nullable Integer burst) {
    }
}
