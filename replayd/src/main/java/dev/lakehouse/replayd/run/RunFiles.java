package dev.lakehouse.replayd.run;

import dev.lakehouse.chassis.lake.Durability;
import dev.lakehouse.schemas.replay.ReplayReport;
import dev.lakehouse.schemas.replay.ReplayResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of one run in {@code replays/<run-id>/}. {@code run.json}, {@code checkpoint} and
 * {@code report.json} are each written whole to a temporary file, forced to disk and renamed
 * over the old one, so after {@code kill -9} each is the old or the new version, never a mix.
 * {@code results.jsonl} is only appended to, and truncated back to the checkpoint on resume.
 */
public final class RunFiles {

    static final String RECORD = "run.json";
    static final String RESULTS = "results.jsonl";
    static final String CHECKPOINT = "checkpoint";
    static final String REPORT = "report.json";

    private final Path dir;
    private final JsonMapper json;

    public RunFiles(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    /** The files of every run under {@code replaysDir}, oldest first (run ids sort by creation time). */
    public static List<RunFiles> all(Path replaysDir, JsonMapper json) {
        if (!Files.isDirectory(replaysDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(replaysDir)) {
            return dirs.filter(dir -> Files.isDirectory(dir) && RunIds.valid(dir.getFileName().toString()))
                    .sorted(Comparator.comparing(dir -> dir.getFileName().toString()))
                    .map(dir -> new RunFiles(dir, json))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + replaysDir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path results() {
        return dir.resolve(RESULTS);
    }

    public void saveRecord(RunRecord record) {
        writeAtomically(RECORD, json.writeValueAsBytes(record));
    }

    public Optional<RunRecord> loadRecord() {
        Path file = dir.resolve(RECORD);
        return Files.isRegularFile(file) ? Optional.of(json.readValue(file.toFile(), RunRecord.class)) : Optional.empty();
    }

    public void saveCheckpoint(Checkpoint checkpoint) {
        writeAtomically(CHECKPOINT, json.writeValueAsBytes(checkpoint));
    }

    public Checkpoint loadCheckpoint() {
        Path file = dir.resolve(CHECKPOINT);
        return Files.isRegularFile(file) ? json.readValue(file.toFile(), Checkpoint.class) : Checkpoint.START;
    }

    public void saveReport(ReplayReport report) {
        writeAtomically(REPORT, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    }

    public Optional<ReplayReport> loadReport() {
        Path file = dir.resolve(REPORT);
        return Files.isRegularFile(file) ? Optional.of(json.readValue(file.toFile(), ReplayReport.class)) : Optional.empty();
    }

    /**
     * Opens the results for appending after cutting them back to {@code validBytes}: whatever a
     * crash left after the last checkpoint is dropped, to be written again.
     */
    public ResultsWriter openResults(long validBytes) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(results(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long size = channel.size();
            if (size < validBytes) {
                channel.close();
                throw new IllegalStateException(results() + " holds " + size + " bytes but its checkpoint counts "
                        + validBytes);
            }
            channel.truncate(validBytes);
            channel.position(validBytes);
            channel.force(true);
            return new ResultsWriter(channel, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + results(), e);
        }
    }

    /** Hands the results among the first {@code bytes} bytes to {@code sink}, in order. */
    public void readResults(long bytes, Consumer<ReplayResult> sink) {
        if (bytes == 0 || !Files.isRegularFile(results())) {
            return;
        }
        try (FileChannel channel = FileChannel.open(results(), StandardOpenOption.READ);
                InputStream limited = new BoundedInput(Channels.newInputStream(channel), bytes);
                BufferedReader in = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    sink.accept(json.readValue(line, ReplayResult.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results(), e);
        }
    }

    private void writeAtomically(String name, byte[] bytes) {
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durability.syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Reads at most {@code limit} bytes: the results a checkpoint counts, never a line still being written. */
    private static final class BoundedInput extends InputStream {

        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
