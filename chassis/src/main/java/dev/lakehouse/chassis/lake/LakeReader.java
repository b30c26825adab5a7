package dev.lakehouse.chassis.lake;

import dev.lakehouse.schemas.SchemaCatalog;
import dev.lakehouse.schemas.SchemaViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stream of the lake with bounded memory whatever its size: partitions by date range,
 * segments in name order, records one line at a time. A torn last line is counted and
 * skipped, a broken line in the middle is reported and skipped, an unreadable segment is
 * reported by name; none of them stops the read.
 */
public final class LakeReader {

    /** Longer lines are skipped as invalid rather than buffered. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(LakeReader.class);

    private final Path lakeDir;
    private final JsonMapper json;
    private final @Nullable SchemaCatalog schemas;

    /** @param schemas validates every record against the schema it names; null reads without validating */
    public LakeReader(Path lakeDir, JsonMapper json, @Nullable SchemaCatalog schemas) {
        this.lakeDir = lakeDir;
        this.json = json;
        this.schemas = schemas;
    }

    public Path lakeDir() {
        return lakeDir;
    }

    /** The segments of a stream whose partition date is within [from, to] (either may be null), in order. */
    public List<Segment> segments(String stream, @Nullable LocalDate from, @Nullable LocalDate to) throws IOException {
        Path streamDir = lakeDir.resolve(stream);
        if (!Files.isDirectory(streamDir)) {
            return List.of();
        }
        List<Segment> found = new ArrayList<>();
        try (DirectoryStream<Path> partitions = Files.newDirectoryStream(streamDir, "dt=*")) {
            for (Path partition : partitions) {
                LocalDate date = partitionDate(partition);
                if (date == null || (from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(partition)) {
                    for (Path file : files) {
                        SegmentName.parse(file).ifPresent(name -> found.add(new Segment(file, stream, date, !name.open())));
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Segment::date).thenComparing(segment -> segment.path().getFileName().toString()));
        return found;
    }

    /** Streams the valid records of one segment to {@code sink}; the sink may throw to stop early. */
    public SegmentRead read(Segment segment, Consumer<LakeLine> sink) {
        MessageDigest digest = sha256();
        LineScanner scanner = new LineScanner(segment, sink, digest);
        try (InputStream in = Files.newInputStream(segment.path())) {
            scanner.scan(in);
        } catch (IOException e) {
            log.warn("lake segment {} could not be read: {}", segment.path(), e.toString());
            return scanner.result(digest, "unreadable: " + e.getMessage());
        }
        if (scanner.torn > 0) {
            log.info("lake segment {} ends in a torn line; skipped", segment.path());
        }
        return scanner.result(digest, null);
    }

    private static @Nullable LocalDate partitionDate(Path partition) {
        try {
            return LocalDate.parse(partition.getFileName().toString().substring("dt=".length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits the byte stream on '\n' without decoding more than one line at a time. */
    private final class LineScanner {

        private final Segment segment;
        private final Consumer<LakeLine> sink;
        private final MessageDigest digest;
        private final List<SegmentRead.InvalidLine> invalid = new ArrayList<>();
        private byte[] line = new byte[8192];
        private int length;
        private boolean overlong;
        private long overlongBytes;
        private long lineNumber;
        private long consumed;
        private long records;
        private long torn;

        LineScanner(Segment segment, Consumer<LakeLine> sink, MessageDigest digest) {
            this.segment = segment;
            this.sink = sink;
            this.digest = digest;
        }

        void scan(InputStream in) throws IOException {
            byte[] chunk = new byte[65536];
            int n;
            while ((n = in.read(chunk)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        append(chunk, start, i - start);
                        completeLine();
                        start = i + 1;
                    }
                }
                append(chunk, start, n - start);
            }
            if (length > 0 || overlong) {
                torn = 1;
            }
        }

        private void append(byte[] chunk, int offset, int count) {
            if (count == 0) {
                return;
            }
            if (overlong) {
                digest.update(chunk, offset, count);
                overlongBytes += count;
                return;
            }
            if (length + count > MAX_LINE_BYTES) {
                // Too long to buffer: hash it as it streams by and skip it.
                overlong = true;
                digest.update(line, 0, length);
                digest.update(chunk, offset, count);
                overlongBytes = length + count;
                length = 0;
                return;
            }
            if (length + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(chunk, offset, line, length, count);
            length += count;
        }

        private void completeLine() {
            lineNumber++;
            if (overlong) {
                invalid.add(new SegmentRead.InvalidLine(lineNumber, "line longer than " + MAX_LINE_BYTES + " bytes"));
                consumed += overlongBytes + 1;
            } else {
                digest.update(line, 0, length);
                handle();
                consumed += length + 1;
            }
            digest.update((byte) '\n');
            length = 0;
            overlong = false;
            overlongBytes = 0;
        }

        private void handle() {
            if (length == 0) {
                invalid.add(new SegmentRead.InvalidLine(lineNumber, "empty line"));
                return;
            }
            JsonNode node;
            try {
                node = json.readTree(line, 0, length);
            } catch (JacksonException e) {
                invalid.add(new SegmentRead.InvalidLine(lineNumber, "not JSON: " + e.getOriginalMessage()));
                return;
            }
            if (schemas != null) {
                List<SchemaViolation> violations = schemas.validate(node);
                if (!violations.isEmpty()) {
                    SchemaViolation first = violations.getFirst();
                    invalid.add(new SegmentRead.InvalidLine(lineNumber,
                            "breaks its schema at '" + first.pointer() + "': " + first.message()));
                    return;
                }
            }
            records++;
            sink.accept(new LakeLine(segment, lineNumber, node));
        }

        SegmentRead result(MessageDigest digest, @Nullable String error) {
            return new SegmentRead(segment, consumed, HexFormat.of().formatHex(digest.digest()), records, torn,
                    List.copyOf(invalid), error);
        }
    }
}
