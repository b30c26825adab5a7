package dev.lakehouse.chassis.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Appends complete JSON lines to this process's own segment files of one stream
 * ({@code <lake>/<stream>/dt=YYYY-MM-DD/<daemon>-<instance>-<seq>.jsonl}). Rolls by size, by
 * age and at midnight UTC; sealing forces the file to disk and renames it. Not thread-safe:
 * one thread (the {@link LakeWriter}'s) owns it.
 */
public final class SegmentWriter implements AutoCloseable {

    private final Path streamDir;
    private final String daemon;
    private final String instance;
    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;

    private @Nullable FileChannel channel;
    private @Nullable Path openPath;
    private @Nullable SegmentName name;
    private @Nullable LocalDate partition;
    private long openedAtMillis;
    private long written;
    private long sequence;
    private boolean dirty;

    public SegmentWriter(Path lakeDir, String stream, String daemon, String instance, long maxBytes,
            long maxAgeMillis, Clock clock) {
        this.streamDir = lakeDir.resolve(stream);
        this.daemon = daemon;
        this.instance = instance;
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** Appends one record; {@code json} must be a single line of complete JSON. */
    public void append(String json) {
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a lake record must be one line");
        }
        rollIfDue();
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            FileChannel out = openIfNeeded();
            ByteBuffer buffer = ByteBuffer.wrap(line);
            // One write call per line keeps a crash from tearing anything but the last line.
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            written += line.length;
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + openPath, e);
        }
    }

    /** Forces written lines to disk. */
    public void sync() {
        if (channel != null && dirty) {
            try {
                channel.force(false);
                dirty = false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sync " + openPath, e);
            }
        }
    }

    /** Seals the current segment if it is due by age (also called when idle). */
    public void rollIfDue() {
        if (channel == null) {
            return;
        }
        long now = clock.millis();
        boolean tooBig = written >= maxBytes;
        boolean tooOld = now - openedAtMillis >= maxAgeMillis;
        boolean newDay = !today().equals(partition);
        if (tooBig || tooOld || newDay) {
            seal();
        }
    }

    /** Forces the current segment to disk and renames it to its sealed name. */
    public void seal() {
        if (channel == null || openPath == null || name == null) {
            return;
        }
        try {
            channel.force(true);
            channel.close();
            Path sealed = openPath.resolveSibling(name.sealed().fileName());
            Files.move(openPath, sealed, StandardCopyOption.ATOMIC_MOVE);
            Durability.syncDirectory(sealed.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal " + openPath, e);
        } finally {
            channel = null;
            openPath = null;
            name = null;
            dirty = false;
        }
    }

    public @Nullable Path currentSegment() {
        return openPath;
    }

    @Override
    public void close() {
        seal();
    }

    private FileChannel openIfNeeded() throws IOException {
        if (channel != null) {
            return channel;
        }
        partition = today();
        Path dir = streamDir.resolve("dt=" + partition);
        Files.createDirectories(dir);
        do {
            name = new SegmentName(daemon, instance, sequence++, true);
            openPath = dir.resolve(name.fileName());
        } while (Files.exists(openPath) || Files.exists(dir.resolve(name.sealed().fileName())));
        channel = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Durability.syncDirectory(dir);
        openedAtMillis = clock.millis();
        written = 0;
        return channel;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
    }
}
