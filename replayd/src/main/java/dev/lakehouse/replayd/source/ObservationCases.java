package dev.lakehouse.replayd.source;

import dev.lakehouse.chassis.lake.LakeLine;
import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.chassis.lake.SegmentRead;
import dev.lakehouse.schemas.observation.Observation;
import dev.lakehouse.schemas.verdict.ValidationVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observations as replay cases. Pinning reads every segment of the date range once, counting
 * the matches, and pins each segment at the prefix it read; streaming reads exactly those
 * prefixes again, so the seq of a record never changes within a run.
 */
public final class ObservationCases {

    static final String STREAM = "observations";

    private final LakeReader reader;
    private final JsonMapper json;

    public ObservationCases(LakeReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    public Pin pin(ObservationFilters filters, long maxRecords) {
        List<Segment> segments;
        try {
            segments = reader.segments(STREAM, filters.from(), filters.to() == null ? null : filters.to().plusDays(1));
        } catch (IOException e) {
            throw new SourceException("cannot list the observations in " + reader.lakeDir() + ": " + e.getMessage(), e);
        }
        List<PinnedFile> files = new ArrayList<>();
        long[] matched = {0};
        for (Segment segment : segments) {
            if (matched[0] >= maxRecords) {
                break;
            }
            SegmentRead read = reader.read(segment, line -> {
                if (filters.matches(line.record())) {
                    matched[0]++;
                }
            });
            if (read.error() != null) {
                throw new SourceException("observation segment " + segment.relativeName(reader.lakeDir()) + " is "
                        + read.error());
            }
            files.add(new PinnedFile(segment.relativeName(reader.lakeDir()), read.bytesRead(), read.sha256(), null));
        }
        return new Pin(files, Math.min(matched[0], maxRecords));
    }

    /** Hands the matching records with {@code fromSeq <= seq < limit} to {@code sink}, in order. */
    public void stream(ObservationFilters filters, Pin pin, long fromSeq, long limit, Consumer<ReplayCase> sink) {
        long[] seq = {0};
        for (PinnedFile file : pin.files()) {
            if (seq[0] >= limit) {
                return;
            }
            Segment segment = reader.current(segment(file));
            SegmentRead read = reader.read(segment, file.bytes(), 1, line -> line, line -> {
                if (seq[0] >= limit || !filters.matches(line.record())) {
                    return;
                }
                long current = seq[0]++;
                if (current >= fromSeq) {
                    sink.accept(toCase(current, file, line));
                }
            });
            if (read.error() != null) {
                throw new SourceException("observation segment " + file.path() + " is " + read.error());
            }
            if (read.bytesRead() == file.bytes() && !read.sha256().equals(file.sha256())) {
                throw new SourceException("observation segment " + file.path() + " changed since the run started");
            }
        }
    }

    private Segment segment(PinnedFile file) {
        Path path = reader.lakeDir().resolve(file.path());
        String partition = path.getParent().getFileName().toString();
        return new Segment(path, STREAM, LocalDate.parse(partition.substring("dt=".length())),
                !file.path().endsWith(".open"));
    }

    private ReplayCase toCase(long seq, PinnedFile file, LakeLine line) {
        Observation observation;
        try {
            observation = json.treeToValue(line.record(), Observation.class);
        } catch (JacksonException e) {
            throw new SourceException("observation at " + file.path() + "#" + line.lineNumber()
                    + " cannot be read: " + e.getOriginalMessage(), e);
        }
        ValidationVerdict verdict = observation.validation();
        return new ReplayCase(seq, observation.id(), file.path() + "#" + line.lineNumber(), observation.role(),
                observation.contract(), observation.request().systemPrompt(), observation.request().messages(),
                observation.request().params(), output(observation), observation.provider(), observation.model(),
                observation.durationMs(), observation.usage(), verdict == null ? null : verdict.valid());
    }

    private static @Nullable String output(Observation observation) {
        return observation.output() == null ? null : observation.output().content();
    }
}
