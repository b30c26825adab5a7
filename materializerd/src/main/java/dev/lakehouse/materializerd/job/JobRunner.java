package dev.lakehouse.materializerd.job;

import dev.lakehouse.chassis.lake.LakeReader;
import dev.lakehouse.chassis.lake.Segment;
import dev.lakehouse.chassis.lake.SegmentPrefix;
import dev.lakehouse.materializerd.MaterializerdProperties;
import dev.lakehouse.materializerd.dataset.DatasetStore;
import dev.lakehouse.materializerd.dataset.DatasetWriter;
import dev.lakehouse.materializerd.option.Selection;
import dev.lakehouse.materializerd.recipe.Document;
import dev.lakehouse.materializerd.recipe.PinnedSegment;
import dev.lakehouse.materializerd.recipe.Recipe;
import dev.lakehouse.materializerd.recipe.RecipeRun;
import dev.lakehouse.materializerd.recipe.RunCounts;
import dev.lakehouse.materializerd.vectorpush.VectorPusher;
import dev.lakehouse.schemas.dataset.DatasetManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job to its end: pins its input, returns the existing version when one with the
 * same fingerprint exists, otherwise lets the recipe write a new version in staging and
 * commits it, then pushes it to vectord when asked.
 */
final class JobRunner {

    private final LakeReader reader;
    private final DatasetStore datasets;
    private final JobStore store;
    private final Map<String, Recipe> recipes;
    private final MaterializerdProperties properties;
    private final JsonMapper json;
    private final VectorPusher pusher;
    private final String softwareVersion;
    private final Clock clock;

    JobRunner(LakeReader reader, DatasetStore datasets, JobStore store, Map<String, Recipe> recipes,
            MaterializerdProperties properties, JsonMapper json, VectorPusher pusher, String softwareVersion, Clock clock) {
        this.reader = reader;
        this.datasets = datasets;
        this.store = store;
        this.recipes = recipes;
        this.properties = properties;
        this.json = json;
        this.pusher = pusher;
        this.softwareVersion = softwareVersion;
        this.clock = clock;
    }

    /** Runs the job; returns its final record (or the queued one when the daemon is stopping). */
    JobRecord run(Job job, BooleanSupplier stopping) {
        RunCounts counts = job.freshCounts();
        Runnable checkpoint = () -> {
            if (job.cancelRequested()) {
                throw new JobStopped(true);
            }
            if (stopping.getAsBoolean()) {
                throw new JobStopped(false);
            }
        };
        JobRecord record = save(job, job.record().running(clock.instant()));
        Path staging = null;
        try {
            if (record.inputs() == null) {
                record = save(job, record.pinned(pin(record)));
            }
            Recipe recipe = recipes.get(record.recipe().id());
            List<Document> documents = store.documents(record.id());
            DatasetManifest.Documents posted = documents.isEmpty() ? null : digest(documents);
            Map<String, Object> filters = filtersMap(record);
            String fingerprint = Fingerprint.of(json, recipe.name().id(), recipe.version(), filters,
                    record.options().shaping(), record.inputs(), posted);
            DatasetStore.Committed committed;
            var existing = datasets.findByFingerprint(record.recipe(), record.name(), fingerprint);
            if (existing.isPresent()) {
                committed = new DatasetStore.Committed(existing.get(), true);
            } else {
                staging = datasets.staging(record.id());
                committed = write(record, recipe, documents, posted, filters, fingerprint, staging, counts, checkpoint);
            }
            DatasetManifest manifest = committed.manifest();
            DatasetRef ref = new DatasetRef(manifest.name(), manifest.version(), committed.reused());
            if (record.options().push() == null) {
                return save(job, record.finished(JobState.SUCCEEDED, clock.instant(), manifest.counts(), ref, null, null));
            }
            return push(job, record, manifest, ref, checkpoint);
        } catch (JobStopped stopped) {
            discard(staging);
            if (!stopped.cancelled()) {
                return save(job, record.requeued(false));
            }
            return save(job, record.finished(JobState.CANCELLED, clock.instant(), counts.snapshot(), null, null,
                    "cancelled by request"));
        } catch (RuntimeException e) {
            discard(staging);
            return save(job, record.finished(JobState.FAILED, clock.instant(), counts.snapshot(), null, null, reason(e)));
        }
    }

    private DatasetStore.Committed write(JobRecord record, Recipe recipe, List<Document> documents,
            DatasetManifest.@Nullable Documents posted, Map<String, Object> filters, String fingerprint, Path staging,
            RunCounts counts, Runnable checkpoint) {
        RecipeRun run = new RecipeRun(reader, record.inputs(), documents, record.options(), record.filters(),
                properties.readParallelism(), checkpoint, counts);
        DatasetWriter writer = new DatasetWriter(staging, recipe.lineSchema(), properties.partLines());
        try {
            recipe.produce(run, new CandidateWriter(new Selection(record.options(), counts.drops()), writer, counts));
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
        List<DatasetManifest.DatasetFile> files = writer.finish();
        List<DatasetManifest.InputSegment> segments = record.inputs().stream()
                .map(pin -> new DatasetManifest.InputSegment(pin.name(), pin.bytes(), pin.sha256())).toList();
        DatasetManifest.Counts finalCounts = counts.snapshot();
        return datasets.commit(record.recipe(), record.name(), fingerprint, staging, version -> new DatasetManifest(
                DatasetManifest.SCHEMA, record.name(), version, recipe.name().id(), fingerprint, clock.instant(),
                record.id(), new DatasetManifest.Software("materializerd", softwareVersion, recipe.version()), filters,
                record.options().shaping(), new DatasetManifest.Inputs(segments, posted), finalCounts, files));
    }

    private JobRecord push(Job job, JobRecord record, DatasetManifest manifest, DatasetRef ref, Runnable checkpoint) {
        try {
            Path versionDir = datasets.version(manifest.name(), manifest.version()).orElseThrow().dir();
            long pushed = pusher.push(record.options().push(), versionDir, manifest.files(), job.pushedCounter(), checkpoint);
            return save(job, record.finished(JobState.SUCCEEDED, clock.instant(), manifest.counts(), ref, pushed, null));
        } catch (JobStopped stopped) {
            throw stopped;
        } catch (RuntimeException e) {
            // The version is complete and stays; only the push failed, and asking again retries it.
            return save(job, record.finished(JobState.FAILED, clock.instant(), manifest.counts(), ref, job.pushed(),
                    "dataset " + ref.name() + " v" + ref.version() + " was written, but pushing it to vectord failed: "
                            + reason(e)));
        }
    }

    /**
     * Pins every segment of the date range at its current complete lines, hashing segments on
     * parallel threads (the list keeps lake order); rag with documents reads no lake.
     */
    private List<PinnedSegment> pin(JobRecord record) {
        if (record.documents() > 0) {
            return List.of();
        }
        List<Segment> segments;
        try {
            segments = reader.segments("observations", record.filters().from(), record.filters().to());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake at " + reader.lakeDir(), e);
        }
        return segments.parallelStream().map(this::pin)
                .filter(pin -> pin.bytes() > 0 || pin.tornLines() > 0)
                .toList();
    }

    private PinnedSegment pin(Segment segment) {
        String name = segment.relativeName(reader.lakeDir());
        try {
            SegmentPrefix prefix = reader.prefix(segment);
            return new PinnedSegment(name, prefix.bytes(), prefix.sha256(), prefix.tornLines());
        } catch (IOException e) {
            throw new IllegalStateException("lake segment " + name + " is unreadable: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> filtersMap(JobRecord record) {
        return json.convertValue(record.filters(), Map.class);
    }

    private DatasetManifest.Documents digest(List<Document> documents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes = 0;
            for (Document document : documents) {
                byte[] line = json.writeValueAsBytes(document);
                sha.update(line);
                sha.update((byte) '\n');
                bytes += line.length + 1;
            }
            return new DatasetManifest.Documents(documents.size(), bytes, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JobRecord save(Job job, JobRecord next) {
        store.save(next);
        job.update(next);
        return next;
    }

    private void discard(@Nullable Path staging) {
        if (staging != null) {
            datasets.discard(staging);
        }
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
