package dev.lakehouse.materializerd.job;

import dev.lakehouse.chassis.lake.Durability;
import dev.lakehouse.materializerd.recipe.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job files: {@code <id>.json} with the job's state and {@code <id>.documents.json} with the
 * documents posted with it. Each is written whole to a temporary file, forced to disk and
 * renamed over the old one, so after {@code kill -9} a file is either the old or the new
 * version, never a mix.
 */
public final class JobStore {

    private static final Logger log = LoggerFactory.getLogger(JobStore.class);
    private static final String JOB_SUFFIX = ".json";
    private static final String DOCUMENTS_SUFFIX = ".documents.json";

    private final Path dir;
    private final JsonMapper json;

    public JobStore(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs directory " + dir, e);
        }
    }

    public void save(JobRecord job) {
        writeAtomically(dir.resolve(job.id() + JOB_SUFFIX), json.writeValueAsBytes(job));
    }

    public void saveDocuments(String id, List<Document> documents) {
        writeAtomically(dir.resolve(id + DOCUMENTS_SUFFIX), json.writeValueAsBytes(documents));
    }

    public List<Document> documents(String id) {
        Path file = dir.resolve(id + DOCUMENTS_SUFFIX);
        if (!Files.exists(file)) {
            return List.of();
        }
        return json.readValue(file.toFile(), new TypeReference<List<Document>>() { });
    }

    /** Every readable job file; an unreadable one is logged and left alone. */
    public List<JobRecord> loadAll() {
        List<JobRecord> jobs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + JOB_SUFFIX)) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(DOCUMENTS_SUFFIX)) {
                    continue;
                }
                try {
                    jobs.add(json.readValue(file.toFile(), JobRecord.class));
                } catch (JacksonException e) {
                    log.error("job file {} cannot be read and is ignored: {}", file, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return jobs;
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + JOB_SUFFIX));
            Files.deleteIfExists(dir.resolve(id + DOCUMENTS_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete job " + id, e);
        }
    }

    private void writeAtomically(Path target, byte[] bytes) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
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
}
