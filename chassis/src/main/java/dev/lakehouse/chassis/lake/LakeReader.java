package dev.lakehouse.chassis.lake;

import dev.lakehouse.schemas.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final LineDecoder decoder;

    /** @param schemas validates every record against the schema it names; null reads without validating */
    public LakeReader(Path lakeDir, JsonMapper json, @Nullable SchemaCatalog schemas) {
        this.lakeDir = lakeDir;
        this.decoder = new LineDecoder(json, schemas);
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

    /**
     * The segment as it is named now: an open segment that was sealed since it was listed
     * (sealing is a rename that drops {@code .open}) is found under its sealed name.
     */
    public Segment current(Segment segment) {
        if (segment.sealed() || Files.exists(segment.path())) {
            return segment;
        }
        return SegmentName.parse(segment.path())
                .map(name -> segment.path().resolveSibling(name.sealed().fileName()))
                .filter(Files::exists)
                .map(sealed -> new Segment(sealed, segment.stream(), segment.date(), true))
                .orElse(segment);
    }

    /**
     * Pins the complete lines of a segment as they are now, without decoding them: a later
     * {@link #read(Segment, long, int, Function, Consumer)} limited to its {@code bytes} sees the same lines.
     *
     * @throws IOException when the segment cannot be read
     */
    public SegmentPrefix prefix(Segment segment) throws IOException {
        SegmentScanner scanner = new SegmentScanner(MAX_LINE_BYTES);
        long[] lines = {0};
        try (InputStream in = Files.newInputStream(segment.path())) {
            scanner.scan(in, Long.MAX_VALUE, new SegmentScanner.LineSink() {
                @Override
                public void line(byte[] bytes, int length, long lineNumber) {
                    lines[0] = lineNumber;
                }

                @Override
                public void overlong(long lineNumber) {
                    lines[0] = lineNumber;
                }
            });
        }
        return new SegmentPrefix(segment, scanner.consumed(), scanner.sha256Hex(), lines[0], scanner.torn());
    }

    /** Streams the valid records of one segment to {@code sink}; the sink may throw to stop early. */
    public SegmentRead read(Segment segment, Consumer<LakeLine> sink) {
        return read(segment, Long.MAX_VALUE, 1, line -> line, sink);
    }

    /**
     * Reads at most {@code maxBytes} of a segment (a pinned {@link SegmentPrefix#bytes()}, or
     * {@link Long#MAX_VALUE} for all of it). With {@code parallelism > 1}, decoding, schema
     * validation and {@code transform} run on that many threads while {@code sink} still
     * receives the results on the calling thread in line order; a transform returning null
     * drops the record. The sink may throw to stop early.
     */
    public <T> SegmentRead read(Segment segment, long maxBytes, int parallelism, Function<LakeLine, @Nullable T> transform,
            Consumer<T> sink) {
        SegmentScanner scanner = new SegmentScanner(MAX_LINE_BYTES);
        if (parallelism <= 1) {
            SequentialLines<T> lines = new SequentialLines<>(segment, decoder, transform, sink);
            String error = scan(segment, maxBytes, scanner, lines);
            return result(segment, scanner, lines.records, lines.invalid, error);
        }
        try (OrderedParallelLines<T> lines = new OrderedParallelLines<>(segment, decoder, parallelism, transform, sink)) {
            String error = scan(segment, maxBytes, scanner, lines);
            if (error == null) {
                lines.finish();
            }
            return result(segment, scanner, lines.records(), lines.invalid(), error);
        }
    }

    private static @Nullable String scan(Segment segment, long maxBytes, SegmentScanner scanner, SegmentScanner.LineSink lines) {
        try (InputStream in = Files.newInputStream(segment.path())) {
            scanner.scan(in, maxBytes, lines);
        } catch (NoSuchFileException e) {
            log.warn("lake segment {} is gone", segment.path());
            return "unreadable: no such file";
        } catch (IOException e) {
            log.warn("lake segment {} could not be read: {}", segment.path(), e.toString());
            return "unreadable: " + e.getMessage();
        }
        if (scanner.torn() > 0) {
            log.info("lake segment {} ends in a torn line; skipped", segment.path());
        }
        return null;
    }

    private static SegmentRead result(Segment segment, SegmentScanner scanner, long records,
            List<SegmentRead.InvalidLine> invalid, @Nullable String error) {
        return new SegmentRead(segment, scanner.consumed(), scanner.sha256Hex(), records, scanner.torn(),
                List.copyOf(invalid), error);
    }

    private static @Nullable LocalDate partitionDate(Path partition) {
        try {
            return LocalDate.parse(partition.getFileName().toString().substring("dt=".length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Decodes and hands on each line on the scanning thread. */
    private static final class SequentialLines<T> implements SegmentScanner.LineSink {

        private final Segment segment;
        private final LineDecoder decoder;
        private final Function<LakeLine, @Nullable T> transform;
        private final Consumer<T> sink;
        private final List<SegmentRead.InvalidLine> invalid = new ArrayList<>();
        private long records;

        SequentialLines(Segment segment, LineDecoder decoder, Function<LakeLine, @Nullable T> transform, Consumer<T> sink) {
            this.segment = segment;
            this.decoder = decoder;
            this.transform = transform;
            this.sink = sink;
        }

        @Override
        public void line(byte[] bytes, int length, long lineNumber) {
            Object decoded = decoder.decode(bytes, length, lineNumber);
            if (decoded instanceof JsonNode node) {
                records++;
                T out = transform.apply(new LakeLine(segment, lineNumber, node));
                if (out != null) {
                    sink.accept(out);
                }
            } else {
                invalid.add((SegmentRead.InvalidLine) decoded);
            }
        }

        @Override
        public void overlong(long lineNumber) {
            invalid.add(LineDecoder.overlong(lineNumber));
        }
    }
}
