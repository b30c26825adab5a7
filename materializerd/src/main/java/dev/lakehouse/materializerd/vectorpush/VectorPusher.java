package dev.lakehouse.materializerd.vectorpush;

import dev.lakehouse.schemas.dataset.DatasetManifest.DatasetFile;
import dev.lakehouse.schemas.dataset.RagChunk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a rag dataset version into a vectord collection: creates the collection when it is
 * missing, then upserts the chunks in batches with {@code wait=true}, so every acknowledged
 * batch is durable. Upserts by stable chunk id, so pushing the same version again is harmless.
 */
public class VectorPusher {

    private final VectordClient vectord;
    private final JsonMapper json;
    private final int batchSize;

    public VectorPusher(VectordClient vectord, JsonMapper json, int batchSize) {
        this.vectord = vectord;
        this.json = json;
        this.batchSize = batchSize;
    }

    /** @return the number of chunks pushed */
    public long push(PushTarget target, Path versionDir, List<DatasetFile> files, AtomicLong pushed, Runnable checkpoint) {
        ensureCollection(target);
        List<VectordClient.Point> batch = new ArrayList<>(batchSize);
        for (DatasetFile file : files) {
            try (BufferedReader lines = Files.newBufferedReader(versionDir.resolve(file.name()), StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    RagChunk chunk = json.readValue(line, RagChunk.class);
                    batch.add(new VectordClient.Point(chunk.id(), chunk.text(), chunk.metadata()));
                    if (batch.size() == batchSize) {
                        send(target, batch, pushed, checkpoint);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.name(), e);
            }
        }
        if (!batch.isEmpty()) {
            send(target, batch, pushed, checkpoint);
        }
        return pushed.get();
    }

    private void ensureCollection(PushTarget target) {
        try {
            vectord.createCollection(target.collection(),
                    new VectordClient.CollectionRequest(target.dimension(), target.metric(), target.embedModel()));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
                throw new IllegalStateException("vectord refused collection " + target.collection() + ": "
                        + e.getStatusCode().value() + " " + e.getResponseBodyAsString(), e);
            }
        }
    }

    private void send(PushTarget target, List<VectordClient.Point> batch, AtomicLong pushed, Runnable checkpoint) {
        checkpoint.run();
        try {
            vectord.upsert(target.collection(), true, new VectordClient.PointsRequest(List.copyOf(batch)));
        } catch (RestClientResponseException e) {
            throw new IllegalStateException("vectord refused points for " + target.collection() + ": "
                    + e.getStatusCode().value() + " " + e.getResponseBodyAsString(), e);
        }
        pushed.addAndGet(batch.size());
        batch.clear();
    }
}
