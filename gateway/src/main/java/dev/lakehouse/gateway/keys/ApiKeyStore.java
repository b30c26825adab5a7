package dev.lakehouse.gateway.keys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The keys of the keys file, looked up by the sha256 of a presented secret. The file is read
 * at start (an invalid file stops the gateway from starting) and again whenever its content
 * changes; an invalid edit is logged and counted, and the keys loaded before stay in force.
 */
public class ApiKeyStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

    private final Path file;
    private final ScheduledExecutorService reloader;
    private final Counter reloaded;
    private final Counter rejected;
    private volatile Snapshot snapshot;

    public ApiKeyStore(KeysProperties properties, MeterRegistry meters) {
        this.file = properties.file().toAbsolutePath().normalize();
        byte[] content = readOrEmpty();
        try {
            this.snapshot = Snapshot.of(KeysFile.parse(content), content, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("API keys file " + file + " is invalid: " + e.getMessage()
                    + " (fix it or set LAKEHOUSE_API_KEYS_FILE to another file)", e);
        }
        if (snapshot.keys().isEmpty()) {
            log.warn("no API keys in {}: every request that needs a key gets 401; add one with ./lakehouse keys add", file);
        } else {
            log.info("{} API key(s) loaded from {}", snapshot.keys().size(), file);
        }
        Gauge.builder("lakehouse.gateway.keys", this, store -> store.snapshot.keys().size())
                .description("API keys in force").register(meters);
        this.reloaded = Counter.builder("lakehouse.gateway.keys.reloads").tag("result", "loaded")
                .description("reloads of the keys file").register(meters);
        this.rejected = Counter.builder("lakehouse.gateway.keys.reloads").tag("result", "rejected")
                .description("reloads of the keys file").register(meters);
        this.reloader = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("api-keys-reload").daemon(true).factory());
        long interval = properties.reloadInterval().toMillis();
        reloader.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The key whose secret this is, if any. */
    public Optional<ApiKey> find(String secret) {
        if (secret.isEmpty() || secret.length() > KeySecrets.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.bySha256().get(KeySecrets.sha256(secret)));
    }

    public List<ApiKey> keys() {
        return snapshot.keys();
    }

    public Path file() {
        return file;
    }

    public Instant loadedAt() {
        return snapshot.loadedAt();
    }

    /** Why the last change of the file was refused, while it stays refused. */
    public @Nullable String lastError() {
        return snapshot.lastError();
    }

    /** Reads the file and applies it when its content changed; called on a timer, and by tests. */
    public synchronized void reloadIfChanged() {
        byte[] content;
        try {
            content = readOrEmpty();
        } catch (RuntimeException e) {
            log.warn("cannot read API keys file {}: {}", file, e.getMessage());
            return;
        }
        Snapshot current = snapshot;
        if (Arrays.equals(content, current.content())) {
            return;
        }
        try {
            snapshot = Snapshot.of(KeysFile.parse(content), content, null);
            reloaded.increment();
            log.info("API keys file changed: {} key(s) in force", snapshot.keys().size());
        } catch (IllegalArgumentException e) {
            snapshot = new Snapshot(current.keys(), current.bySha256(), content, current.loadedAt(), e.getMessage());
            rejected.increment();
            log.error("API keys file {} changed but is invalid, keeping the {} key(s) loaded before: {}", file,
                    current.keys().size(), e.getMessage());
        }
    }

    private byte[] readOrEmpty() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new IllegalStateException("cannot read API keys file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        reloader.shutdownNow();
    }

    private record Snapshot(List<ApiKey> keys, Map<String, ApiKey> bySha256, byte[] content, Instant loadedAt,
            @Nullable String lastError) {

        static Snapshot of(List<ApiKey> keys, byte[] content, @Nullable String lastError) {
            return new Snapshot(keys, keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::sha256, Function.identity())),
                    content, Instant.now(), lastError);
        }
    }
}
