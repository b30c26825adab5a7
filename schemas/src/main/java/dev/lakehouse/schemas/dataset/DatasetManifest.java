package dev.lakehouse.schemas.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Mirrors {@code lakehouse.dataset-manifest/v1}: the {@code manifest.json} of one immutable
 * dataset version, written after every data file is complete and synced.
 *
 * @param fingerprint SHA-256 over recipe, filters, options and pinned inputs
 * @param filters the filters as applied, defaults filled in
 * @param options the options as applied, defaults filled in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetManifest(
        String schema,
        String name,
        int version,
        String recipe,
        String fingerprint,
        Instant createdAt,
        @Nullable String jobId,
        Software software,
        Map<String, Object> filters,
        Map<String, Object> options,
        Inputs inputs,
        Counts counts,
        List<DatasetFile> files) {

    public static final String SCHEMA = "lakehouse.dataset-manifest/v1";

    public DatasetManifest {
        files = List.copyOf(files);
    }

    /** What wrote the dataset; {@code recipeVersion} changes whenever the recipe's output for the same input does. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Software(String name, String version, @Nullable Integer recipeVersion) {
    }

    /** Where the records came from. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Inputs(List<InputSegment> segments, @Nullable Documents documents) {

        public Inputs {
            segments = List.copyOf(segments);
        }
    }

    /** A lake segment read up to {@code bytes} (its complete lines when pinned), and their digest. */
    public record InputSegment(String name, long bytes, String sha256) {
    }

    /** Documents posted with the job, as one digest over their canonical JSON lines. */
    public record Documents(long count, long bytes, String sha256) {
    }

    /** What happened to the records read. */
    public record Counts(long read, long kept, Map<String, Long> dropped, long tornLines, long invalidLines) {

        public Counts {
            // Sorted, so the same counts always serialise the same way.
            dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
        }
    }

    /** One data file and exactly what it holds. */
    public record DatasetFile(String name, String split, String format, long lines, long bytes, String sha256) {
    }
}
