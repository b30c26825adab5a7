package dev.lakehouse.vectord.index;

import dev.lakehouse.vectord.collection.CollectionSpec;
import dev.lakehouse.vectord.collection.Metric;
import dev.lakehouse.vectord.collection.Quantization;
import dev.lakehouse.vectord.filter.PayloadFields;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Lucene indexes on a temp dir with the daemon's default settings, and points to put in them. */
final class IndexFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LuceneVectorIndexFactory FACTORY = new LuceneVectorIndexFactory(16, 200, 64, Set.of(), new SimpleMeterRegistry());

    private IndexFixture() {
    }

    static CollectionSpec spec(int dimension, Metric metric, Quantization quantization) {
        return new CollectionSpec("test", dimension, metric, quantization, null, Instant.EPOCH);
    }

    static VectorIndex open(Path directory, CollectionSpec spec) {
        try {
            return FACTORY.open(spec, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Point point(CollectionSpec spec, String id, float[] vector, String payloadJson) {
        return new Point(id, Vectors.prepare(spec, vector, "/"), payloadJson.getBytes(StandardCharsets.UTF_8),
                PayloadFields.flatten(JSON.readTree(payloadJson), 8));
    }
}
