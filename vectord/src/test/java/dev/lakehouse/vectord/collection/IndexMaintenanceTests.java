package dev.lakehouse.vectord.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lakehouse.vectord.index.Durability;
import dev.lakehouse.vectord.index.LuceneVectorIndexFactory;
import dev.lakehouse.vectord.index.Point;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class IndexMaintenanceTests {

    @TempDir
    Path root;

    @Test
    void pendingWritesAreCommittedAndAnIdleFragmentedCollectionIsMerged() throws IOException {
        try (CollectionRegistry registry = new CollectionRegistry(root,
                new LuceneVectorIndexFactory(16, 100, 16, Set.of(), new SimpleMeterRegistry()), JsonMapper.builder().build(),
                new SimpleMeterRegistry());
                IndexMaintenance maintenance = new IndexMaintenance(registry, Duration.ofMillis(100), Duration.ofMillis(300))) {
            VectorCollection collection = registry.create(new CollectionSpec("busy", 2, Metric.L2, Quantization.NONE, null,
                    Instant.EPOCH));

            for (int i = 0; i < 3; i++) {
                collection.index().upsert(List.of(new Point("p" + i, new float[] {i, 1}, "{}".getBytes(), List.of())),
                        Durability.VISIBLE);
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(collection.index().stats().segments()).isEqualTo(1);
                assertThat(committedPoints(root.resolve("busy").resolve("index"))).isEqualTo(3);
            });
        }
    }

    private static int committedPoints(Path index) {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return reader.numDocs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
